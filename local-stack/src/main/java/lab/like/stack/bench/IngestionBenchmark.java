package lab.like.stack.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 3's load run against a running stack: usage-event ingestion through the gateway in batches of 500
 * (events/s accepted end to end into Kafka, i.e. answered 202 after acks=all), beside the raw Kafka producer
 * ceiling for the same records measured in the same run; then the assignment endpoint's throughput and latency
 * through the gateway.
 *
 * <p>{@code java -cp local-stack/target/local-stack.jar -Dloader.main=lab.like.stack.bench.IngestionBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--events 300000] [--concurrency 8]}
 */
public final class IngestionBenchmark {

    private IngestionBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchTarget target = BenchTarget.fromArgs(args);
        int events = (int) BenchTarget.longOption(args, "--events", 300_000);
        int batchSize = (int) BenchTarget.longOption(args, "--batch", 500);
        int concurrency = (int) BenchTarget.longOption(args, "--concurrency", 8);
        int assignments = (int) BenchTarget.longOption(args, "--assignments", 60_000);
        int assignConcurrency = (int) BenchTarget.longOption(args, "--assign-concurrency", 32);

        List<String> experiments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            experiments.add(target.createRunningExperiment("ingestion benchmark " + i, "control", "treatment"));
        }
        System.out.printf("experiments: %s%n", experiments);

        List<String> bodies = batches(experiments, events, batchSize);
        warmUp(target, bodies.subList(0, Math.min(10, bodies.size())));

        RawKafkaCeiling.Figures raw = rawCeiling(target, experiments, events);
        double ingestion = ingest(target, bodies, concurrency);
        double[] assignment = assign(target, experiments.get(0), assignments, assignConcurrency);

        System.out.println();
        System.out.println("== ingestion benchmark (same run, same machine) ==");
        System.out.printf(
                "raw Kafka producer ceiling : %,10.0f records/s (acks=all, idempotent, 3 partitions)%n",
                raw.producerPerSecond());
        System.out.printf(
                "ingestion through gateway  : %,10.0f events/s accepted into Kafka (%d events, batches of %d, %d senders) = %.0f%% of raw%n",
                ingestion, events, batchSize, concurrency, 100 * ingestion / raw.producerPerSecond());
        System.out.printf(
                "assignment through gateway : %,10.0f requests/s, p50 %.1f ms, p99 %.1f ms (%d requests, %d clients)%n",
                assignment[0], assignment[1], assignment[2], assignments, assignConcurrency);
        System.out.println("(load generator runs on the same machine as the stack)");
    }

    static String event(String experimentId, String eventId, String subject, String type, Instant at) {
        String extra = type.equals("complete")
                ? ",\"durationMs\":" + ThreadLocalRandom.current().nextInt(30_000, 600_000)
                : type.equals("feedback")
                        ? ",\"score\":" + ThreadLocalRandom.current().nextInt(1, 6)
                        : "";
        return "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"" + experimentId + "\",\"subjectId\":\"" + subject
                + "\",\"type\":\"" + type + "\",\"channel\":\"web\",\"occurredAt\":\"" + at + "\"" + extra + "}";
    }

    private static final String[] TYPES = {"exposure", "start", "start", "complete", "abandon", "feedback"};

    private static List<String> batches(List<String> experiments, int events, int batchSize) {
        List<String> bodies = new ArrayList<>();
        Instant now = Instant.now();
        String run = Long.toString(System.currentTimeMillis(), 36);
        int n = 0;
        while (n < events) {
            String experiment = experiments.get(bodies.size() % experiments.size());
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < batchSize && n < events; i++, n++) {
                body.append(i == 0 ? "" : ",")
                        .append(event(
                                experiment, run + "-" + n, "citizen-" + (n % 50_000), TYPES[n % TYPES.length], now));
            }
            bodies.add(body.append(']').toString());
        }
        return bodies;
    }

    private static void warmUp(BenchTarget target, List<String> bodies) throws Exception {
        for (String body : bodies) {
            target.post("/api/v1/events", body);
        }
    }

    private static RawKafkaCeiling.Figures rawCeiling(BenchTarget target, List<String> experiments, int events)
            throws Exception {
        List<byte[]> keys = new ArrayList<>(events);
        List<byte[]> values = new ArrayList<>(events);
        Instant now = Instant.now();
        for (int n = 0; n < events; n++) {
            String experiment = experiments.get((n / 500) % experiments.size());
            keys.add(experiment.getBytes(StandardCharsets.UTF_8));
            values.add(event(experiment, "raw-" + n, "Xy3kq9ZpQ0aB7cD2eF4gHh", TYPES[n % TYPES.length], now)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return RawKafkaCeiling.measure(target.kafkaBootstrap(), keys, values);
    }

    private static double ingest(BenchTarget target, List<String> bodies, int concurrency) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest request = target.request("/api/v1/events")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                            .build();
                    HttpResponse<String> response = target.http().send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        accepted.addAndGet(acceptedCount(response.body()));
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failed.get() > 0) {
            System.out.printf("WARNING: %d batches were not accepted%n", failed.get());
        }
        return accepted.get() / seconds;
    }

    static long acceptedCount(String body) {
        int at = body.indexOf("\"accepted\":");
        int end = at + "\"accepted\":".length();
        int stop = end;
        while (stop < body.length() && Character.isDigit(body.charAt(stop))) {
            stop++;
        }
        return at < 0 ? 0 : Long.parseLong(body.substring(end, stop));
    }

    private static double[] assign(BenchTarget target, String experiment, int requests, int concurrency)
            throws Exception {
        String path = "/api/v1/experiments/" + experiment + "/assignments";
        for (int i = 0; i < 2_000; i++) {
            target.post(path, "{\"subjectId\":\"warm-" + i + "\"}");
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest request = target.request(path)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"subjectId\":\"citizen-" + i + "\"}"))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = target.http().send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "assignment -> " + response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new double[] {
            requests / seconds,
            Percentiles.of(latencies, requests, 50) / 1e6,
            Percentiles.of(latencies, requests, 99) / 1e6
        };
    }
}

package lab.like.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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

        // assignment first, while nothing else runs: the ingestion phase leaves metrics-service counting for a while
        double[] assignment = assign(target, experiments.get(0), assignments, assignConcurrency);
        RawKafkaCeiling.Figures raw = rawCeiling(target, experiments, events);
        double ingestion = ingest(target, bodies, concurrency);

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

    private static double ingest(BenchTarget target, List<String> bodies, int concurrency) {
        LoadDriver driver = new LoadDriver(target, concurrency);
        LoadDriver.Outcome outcome =
                driver.post("/api/v1/events", bodies.size(), bodies::get, concurrency, 202, LoadDriver::acceptedCount);
        LoadDriver.warn(List.of("ingestion"), outcome);
        System.out.printf(
                "  ingestion: %d batches, batch latency p50 %.0f ms, p99 %.0f ms%n",
                outcome.ok(),
                Percentiles.of(outcome.latenciesNanos(), bodies.size(), 50) / 1e6,
                Percentiles.of(outcome.latenciesNanos(), bodies.size(), 99) / 1e6);
        return outcome.perSecond();
    }

    private static double[] assign(BenchTarget target, String experiment, int requests, int concurrency) {
        String path = "/api/v1/experiments/" + experiment + "/assignments";
        LoadDriver driver = new LoadDriver(target, concurrency);
        driver.post(path, 5_000, i -> "{\"subjectId\":\"warm-" + i + "\"}", concurrency, 200, text -> 1);
        LoadDriver.Outcome outcome =
                driver.post(path, requests, i -> "{\"subjectId\":\"citizen-" + i + "\"}", concurrency, 200, text -> 1);
        LoadDriver.warn(List.of("assignment"), outcome);
        return new double[] {
            outcome.perSecond(),
            Percentiles.of(outcome.latenciesNanos(), requests, 50) / 1e6,
            Percentiles.of(outcome.latenciesNanos(), requests, 99) / 1e6
        };
    }
}

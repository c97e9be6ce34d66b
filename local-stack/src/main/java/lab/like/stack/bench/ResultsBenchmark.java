package lab.like.stack.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Issue 11's load run against a running stack: GET results through the gateway at 10 and 100 clients for an
 * experiment with 10,000 events and one with 1,000,000, beside the gateway's own liveness endpoint in the same
 * run (requests/s, p50, p99).
 *
 * <p>{@code java -cp local-stack/target/local-stack.jar -Dloader.main=lab.like.stack.bench.ResultsBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--requests 20000]}
 */
public final class ResultsBenchmark {

    private static final String[] VARIANTS = {"control", "shorter", "guided"};

    private ResultsBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchTarget target = BenchTarget.fromArgs(args);
        int requests = (int) BenchTarget.longOption(args, "--requests", 20_000);
        String small = experimentWith(target, 10_000);
        String large = experimentWith(target, 1_000_000);
        String staticPath = "/actuator/health/liveness";
        List<String> paths = List.of(
                staticPath, "/api/v1/experiments/" + small + "/results", "/api/v1/experiments/" + large + "/results");
        List<String> names =
                List.of("gateway liveness (static)", "results, 10,000 events", "results, 1,000,000 events");
        for (int clients : new int[] {10, 100}) {
            // warm each path, then measure them one after the other in the same run
            LoadDriver driver = new LoadDriver(target, clients);
            paths.forEach(path -> driver.get(path, requests / 4, clients));
            System.out.printf("%n== %d clients, %,d requests each ==%n", clients, requests);
            double staticRate = 0;
            for (int i = 0; i < paths.size(); i++) {
                LoadDriver.Outcome outcome = driver.get(paths.get(i), requests, clients);
                LoadDriver.warn(List.of(names.get(i), Integer.toString(clients)), outcome);
                if (i == 0) staticRate = outcome.perSecond();
                System.out.printf(
                        "%-28s %,8.0f requests/s, p50 %6.2f ms, p99 %6.2f ms%s%n",
                        names.get(i),
                        outcome.perSecond(),
                        Percentiles.of(outcome.latenciesNanos(), requests, 50) / 1e6,
                        Percentiles.of(outcome.latenciesNanos(), requests, 99) / 1e6,
                        i == 0 ? "" : String.format(" = %.2fx the static endpoint", outcome.perSecond() / staticRate));
            }
        }
        System.out.println("(load generator runs on the same machine as the stack)");
    }

    /** A running experiment whose results show {@code events} counted events (produced straight to Kafka). */
    private static String experimentWith(BenchTarget target, int events) throws Exception {
        String id = target.createRunningExperiment("results benchmark " + events, VARIANTS);
        for (int i = 0; i < 300 && !known(target, id); i++) Thread.sleep(100);
        List<byte[]> values = AggregationBenchmark.events(id, events, Math.max(1, events / 5), new Random(11));
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(RawKafkaCeiling.producerProperties(target.kafkaBootstrap()))) {
            for (byte[] value : values) producer.send(new ProducerRecord<>("usage-events", key, value));
            producer.flush();
        }
        long counted = 0;
        for (int i = 0; i < 6_000 && counted < events; i++) {
            Thread.sleep(100);
            counted = target.get("/api/v1/experiments/" + id + "/results")
                    .path("eventsCounted")
                    .asLong();
        }
        System.out.printf("experiment %s: %,d of %,d events counted%n", id, counted, events);
        return id;
    }

    private static boolean known(BenchTarget target, String id) throws Exception {
        try {
            target.get("/api/v1/experiments/" + id + "/results");
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }
}

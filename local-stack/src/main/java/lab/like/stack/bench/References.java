package lab.like.stack.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The reference figures of one report run, on the same stack and machine as the figures they stand beside: the
 * raw Kafka producer and consumer for the workloads' own records, the exactly-once Kafka Streams pass-through
 * (and with one state write per event), and the gateway's static endpoint ({@code /actuator/health/liveness}).
 */
record References(
        RawKafkaCeiling.Figures kafka,
        int records,
        double staticPerSecond,
        double staticP50Ms,
        double staticP99Ms,
        int clients) {

    static References measure(BenchTarget target, int events, int subjects, boolean quick) throws Exception {
        String experiment = "reference-" + Long.toString(System.nanoTime(), 36);
        List<byte[]> values = AggregationBenchmark.events(experiment, events, subjects, new Random(42));
        List<byte[]> keys = new ArrayList<>(values.size());
        byte[] key = experiment.getBytes(StandardCharsets.UTF_8);
        values.forEach(v -> keys.add(key));
        RawKafkaCeiling.Figures kafka = RawKafkaCeiling.measure(target.kafkaBootstrap(), keys, values, true);
        return new References(kafka, values.size(), Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /**
     * The gateway's static endpoint, measured once the stack is warm (right after it started, the gateway's code
     * is still interpreted and the figure is several times lower than later in the same run).
     */
    References withStaticEndpoint(BenchTarget target, boolean quick) {
        int clients = 10;
        int requests = quick ? 5_000 : 20_000;
        LoadDriver driver = new LoadDriver(target, clients);
        driver.get("/actuator/health/liveness", requests / 4, clients);
        LoadDriver.Outcome outcome = driver.get("/actuator/health/liveness", requests, clients);
        return new References(
                kafka,
                records,
                outcome.perSecond(),
                Percentiles.of(outcome.latenciesNanos(), requests, 50) / 1e6,
                Percentiles.of(outcome.latenciesNanos(), requests, 99) / 1e6,
                clients);
    }

    String markdown() {
        return String.format(
                "| raw Kafka producer (acks=all, idempotent, lz4, 3 partitions) | %,.0f records/s |%n"
                        + "| raw Kafka consumer | %,.0f records/s |%n"
                        + "| exactly-once Kafka Streams pass-through, one partition (counts only) | %,.0f records/s |%n"
                        + "| the same with one put per event into a changelogged RocksDB store | %,.0f records/s |%n"
                        + "| gateway static endpoint `/actuator/health/liveness`, %d clients | %,.0f requests/s (p50 %.1f ms, p99 %.1f ms) |%n",
                kafka.producerPerSecond(),
                kafka.consumerPerSecond(),
                kafka.streamsPerSecond(),
                kafka.statefulPerSecond(),
                clients,
                staticPerSecond,
                staticP50Ms,
                staticP99Ms);
    }
}

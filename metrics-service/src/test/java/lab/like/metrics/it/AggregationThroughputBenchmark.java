package lab.like.metrics.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Not part of the suite (no Test suffix): run with {@code -Dtest=AggregationThroughputBenchmark}. Pre-produces
 * events, then starts the service and prints how fast it counts them all (broker in the same JVM).
 */
@EmbeddedKafka(
        partitions = 3,
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class AggregationThroughputBenchmark extends RestartAndCrashTest {

    @Override
    void whenSameEventsReplayedAfterRestartWithEmptyStateDirThenCountedOnce() {}

    @Override
    void whenProcessKilledMidStreamThenSuccessorCountsEveryEventExactlyOnce() {}

    @Test
    void printThroughput() {
        int subjects = Integer.getInteger("bench.subjects", 100_000);
        AppArgs args = args();
        Scenario scenario =
                new Scenario("exp-bench-" + UUID.randomUUID(), "demo", List.of("a", "b", "c"), List.of(34, 33, 33));
        List<Scenario.Sent> events = scenario.journeys(subjects, 5, Instant.now());
        try (var producer = TestInfra.producer(brokers())) {
            TestInfra.send(producer, "experiments", scenario.experimentId, scenario.experimentJson("RUNNING"));
            for (int i = 0; i < events.size(); i++) {
                TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 2));
            }
            producer.flush();
        }
        long start = System.nanoTime();
        List<String> extra = List.of(System.getProperty("bench.args", "").split(" "));
        var argv = new java.util.ArrayList<>(args.toList());
        extra.stream().filter(a -> !a.isBlank()).forEach(argv::add);
        System.out.println("BENCH args " + extra);
        try (var app = new org.springframework.boot.builder.SpringApplicationBuilder(
                        lab.like.metrics.MetricsServiceApplication.class)
                .run(argv.toArray(String[]::new))) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> TestInfra.aggregates(client, scenario.experimentId).values().stream()
                                    .mapToLong(d -> ((Number) d.get("version")).longValue())
                                    .sum()
                            > 0);
            long firstVisible = System.nanoTime();
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> TestInfra.aggregates(client, scenario.experimentId).values().stream()
                                    .filter(d -> d.getString("day") == null)
                                    .mapToLong(d -> ((Number) d.get("version")).longValue())
                                    .sum()
                            == events.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "BENCH %,d events in %.1f s (including startup) = %,.0f events/s%n",
                    events.size(), seconds, events.size() / seconds);
            double counting = (System.nanoTime() - firstVisible) / 1e9;
            System.out.printf(
                    "BENCH from first visible aggregate: %.1f s = %,.0f events/s%n",
                    counting, events.size() / counting);
        }
    }
}

package lab.like.metrics.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The MongoDB writer (the Kafka binder's batch consumer) skips a record nobody can read and goes on. */
class AggregateWriterIntegrationTest extends IntegrationTestBase {

    @Test
    void whenUnreadableRecordsReachTheWriterThenTheyAreSkippedAndLaterTotalsStillArrive() {
        String poisoned = "exp-poison-" + UUID.randomUUID();
        // not JSON, and JSON of the wrong shape, on both topics the writer reads
        for (String value : List.of("not json", "{\"version\":\"x\",\"variant\":[]}", "[1,2,3]")) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            TestInfra.send(producer, "kpi-aggregates", poisoned + "|control", bytes);
            TestInfra.send(producer, "experiments", poisoned, bytes);
        }
        producer.flush();

        // the definition and the totals that follow must still reach MongoDB (results are read from there)
        Scenario scenario =
                new Scenario("exp-after-poison-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(scenario, "RUNNING");
        List<Scenario.Sent> events = scenario.journeys(50, 7, Instant.now());
        for (int i = 0; i < events.size(); i++) {
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 3));
        }
        producer.flush();
        awaitCounted(scenario.experimentId, events.size());
    }
}

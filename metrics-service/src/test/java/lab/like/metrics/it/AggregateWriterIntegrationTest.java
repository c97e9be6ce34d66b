package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB writer (the Kafka binder's batch consumer) skips a record nobody can read and goes on, and never
 * lets an {@code experiments} record move an experiment to another organisation.
 */
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

    @Test
    void whenAForgedDefinitionNamesAnotherOrganisationThenTheStoredExperimentKeepsItsOwner() throws Exception {
        Scenario owned =
                new Scenario("exp-owned-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(owned, "RUNNING");
        Scenario forged = new Scenario(owned.experimentId, "other", List.of("control", "b"), List.of(50, 50));
        TestInfra.send(producer, "experiments", owned.experimentId, forged.experimentJson("COMPLETED", 99));
        // a sentinel behind the forged record on the one-partition topic: once it is stored, the forgery was seen
        Scenario sentinel =
                new Scenario("exp-sentinel-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(sentinel, "RUNNING");
        Thread.sleep(1_000); // longer than the results cache's 500 ms, so the reads below see the database

        assertThat(get("/api/v1/experiments/" + owned.experimentId + "/results", "demo")
                        .path("status")
                        .asText())
                .isEqualTo("RUNNING");
        http.get()
                .uri("/api/v1/experiments/{id}/results", owned.experimentId)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, InternalTokens.caller("other"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}

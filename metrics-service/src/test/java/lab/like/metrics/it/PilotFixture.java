package lab.like.metrics.it;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A pilot as experiment-service publishes it on {@code experiments}, and its totals as the aggregation publishes
 * them on {@code kpi-aggregates}: two variants, {@code control} and {@code b}, primary KPI completion_rate.
 */
record PilotFixture(
        String id,
        String organisation,
        String service,
        String status,
        String decision,
        Instant startedAt,
        Instant completedAt,
        String iterationOf,
        boolean shared) {

    static PilotFixture of(String id, String organisation, String service, String status) {
        return new PilotFixture(id, organisation, service, status, null, null, null, null, false);
    }

    PilotFixture started(Instant at) {
        return new PilotFixture(id, organisation, service, status, decision, at, completedAt, iterationOf, shared);
    }

    PilotFixture decided(String outcome, Instant at) {
        return new PilotFixture(id, organisation, service, status, outcome, startedAt, at, iterationOf, shared);
    }

    PilotFixture iterationOf(String parent) {
        return new PilotFixture(id, organisation, service, status, decision, startedAt, completedAt, parent, shared);
    }

    PilotFixture sharedWithNetwork() {
        return new PilotFixture(id, organisation, service, status, decision, startedAt, completedAt, iterationOf, true);
    }

    byte[] json(long version) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("schemaVersion", 1);
        e.put("id", id);
        e.put("organisation", organisation);
        e.put("name", "pilot " + id);
        e.put("hypothesis", null);
        e.put("service", service);
        e.put("variants", List.of(Map.of("key", "control", "weight", 50), Map.of("key", "b", "weight", 50)));
        e.put("controlVariant", "control");
        e.put("primaryKpi", "completion_rate");
        e.put("guardrailKpis", List.of());
        e.put("eligiblePopulation", null);
        e.put("minimumStarters", 100);
        e.put("sharedWithNetwork", shared);
        e.put("iterationOf", iterationOf);
        e.put("status", status);
        e.put("decision", decision == null ? null : Map.of("outcome", decision, "rationale", "because"));
        e.put("salt", "salt-" + id);
        e.put("createdAt", "2026-01-01T00:00:00Z");
        e.put("updatedAt", "2026-01-01T00:00:00Z");
        e.put("startedAt", startedAt == null ? null : startedAt.toString());
        e.put("completedAt", completedAt == null ? null : completedAt.toString());
        e.put("version", version);
        return Scenario.JSON.writeValueAsBytes(e);
    }

    void publish(KafkaProducer<String, byte[]> producer) {
        TestInfra.send(producer, "experiments", id, json(5));
    }

    /** Experiment-long totals of one variant: {@code starters} subjects who started, {@code completers} of them completed. */
    void totals(KafkaProducer<String, byte[]> producer, String variant, long starters, long completers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("experimentId", id);
        m.put("variant", variant);
        m.put("day", null);
        m.put("version", starters + completers);
        m.put("subjects", starters);
        m.put("starters", starters);
        m.put("completers", completers);
        m.put("abandoners", starters - completers);
        m.put("completions", completers);
        m.put("digitalCompletions", completers);
        m.put("feedbackResponses", 0);
        m.put("satisfiedResponses", 0);
        m.put("scoreSum", 0);
        m.put("medianDurationMs", null);
        m.put("p90DurationMs", null);
        m.put("durationSketch", null);
        m.put("lastEventAt", Instant.now().toString());
        m.put("emittedAt", Instant.now().toString());
        TestInfra.send(producer, "kpi-aggregates", id + "|" + variant + "|", Scenario.JSON.writeValueAsBytes(m));
    }
}

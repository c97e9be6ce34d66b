package lab.like.experiment.registry.messaging;

import static lab.like.experiment.registry.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pins the value of the compacted {@code experiments} topic (docs/schemas/experiment.schema.json). */
class ExperimentRecordJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whenSerialisedThenTheTopicRecordHasExactlyTheContractFields() {
        Experiment completed = Fixtures.running()
                .complete(new Decision(Outcome.ITERATE, "mixed"), "tester", CLOCK)
                .experiment();
        JsonNode node = JSON.readTree(JSON.writeValueAsString(ExperimentRecord.of(completed)));
        assertThat(node.propertyNames())
                .containsExactly(
                        "schemaVersion",
                        "id",
                        "organisation",
                        "name",
                        "hypothesis",
                        "service",
                        "variants",
                        "controlVariant",
                        "primaryKpi",
                        "guardrailKpis",
                        "eligiblePopulation",
                        "minimumStarters",
                        "sharedWithNetwork",
                        "sequentialTesting",
                        "iterationOf",
                        "status",
                        "decision",
                        "salt",
                        "createdAt",
                        "updatedAt",
                        "startedAt",
                        "completedAt",
                        "version",
                        "history");
        assertThat(node.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(node.get("salt").stringValue()).isEqualTo("salt-1");
        assertThat(node.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(node.get("decision").propertyNames()).containsExactly("outcome", "rationale");
        assertThat(node.get("decision").get("outcome").stringValue()).isEqualTo("ITERATE");
        assertThat(node.get("variants").get(0).propertyNames()).containsExactly("key", "weight");
        assertThat(node.get("createdAt").stringValue()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(node.get("iterationOf").isNull()).isTrue();
        assertThat(node.get("guardrailKpis").get(0).stringValue()).isEqualTo("satisfaction");
        assertThat(node.get("version").longValue()).isEqualTo(3);
        assertThat(List.of(node.get("minimumStarters").intValue())).containsExactly(100);
        assertThat(node.get("sequentialTesting").booleanValue()).isTrue();
        JsonNode history = node.get("history");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(2).propertyNames())
                .containsExactly("version", "at", "action", "by", "from", "to", "changes", "decision");
        assertThat(history.valueStream().map(e -> e.get("action").stringValue()))
                .containsExactly("created", "started", "completed");
        assertThat(history.get(2).get("version").longValue()).isEqualTo(3);
        assertThat(history.get(2).get("by").stringValue()).isEqualTo("tester");
        assertThat(history.get(2).get("from").stringValue()).isEqualTo("RUNNING");
        assertThat(history.get(2).get("to").stringValue()).isEqualTo("COMPLETED");
        assertThat(history.get(2).get("decision").get("outcome").stringValue()).isEqualTo("ITERATE");
        assertThat(history.get(0).get("from").isNull()).isTrue();
        assertThat(history.get(0).get("decision").isNull()).isTrue();
        JsonNode schema = JSON.readTree(new java.io.File("../docs/schemas/experiment.schema.json"));
        assertThat(schema.get("required")
                        .valueStream()
                        .map(JsonNode::stringValue)
                        .toList())
                .containsExactlyElementsOf(node.propertyNames());
        assertThat(schema.get("properties").propertyNames()).containsExactlyElementsOf(node.propertyNames());
    }
}

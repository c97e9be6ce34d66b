package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.like.metrics.aggregation.json.RawEventReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventRulesTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final ExperimentDefinition RUNNING = experiment("exp-1", "RUNNING");
    static final Map<String, ExperimentDefinition> KNOWN =
            Map.of("exp-1", RUNNING, "exp-2", experiment("exp-2", "DRAFT"));

    final JsonMapper json = JsonMapper.builder().build();
    final Pseudonymiser pseudonymiser = new Pseudonymiser("secret");
    final EventRules rules = new EventRules(pseudonymiser);

    static ExperimentDefinition experiment(String id, String status) {
        return new ExperimentDefinition(
                id,
                "demo",
                ExperimentStatus.valueOf(status),
                List.of(new ExperimentDefinition.Variant("control", 50), new ExperimentDefinition.Variant("b", 50)),
                "control",
                "completion_rate",
                List.of(),
                null,
                null,
                "salt-1",
                1);
    }

    ObjectNode valid() {
        ObjectNode node = json.createObjectNode();
        node.put("eventId", "e-1");
        node.put("experimentId", "exp-1");
        node.put("subjectId", "citizen-1");
        node.put("type", "complete");
        node.put("occurredAt", "2026-11-27T09:00:00Z");
        node.put("durationMs", 1000);
        return node;
    }

    Verdict check(ObjectNode node) {
        return rules.check(raw(node), node.path("experimentId").asString(null), NOW.toEpochMilli(), KNOWN::get);
    }

    RawEvent raw(tools.jackson.databind.JsonNode node) {
        return new RawEventReader(json).read(json.writeValueAsBytes(node));
    }

    @Test
    void whenRawEventValidThenPseudonymisedAndAssigned() {
        var verdict = check(valid());
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        CountableEvent event = ((Verdict.Accepted) verdict).event();
        assertThat(event.subjectHash())
                .isEqualTo(pseudonymiser.hash("citizen-1"))
                .hasSize(22);
        assertThat(event.variant()).isEqualTo(VariantAssigner.assign(RUNNING, "citizen-1"));
        assertThat(event.channel()).isEqualTo(Channel.WEB);
    }

    @Test
    void whenPreHashedEventOfTheInternalTopicBreaksARuleThenItIsRejectedLikeAnyOther() {
        ObjectNode node = valid();
        node.remove("subjectId");
        node.put("subjectHash", "AAAAAAAAAAAAAAAAAAAAAA");
        node.put("variant", "b");
        assertThat(check(node)).isInstanceOf(Verdict.Accepted.class);
        node.put("experimentId", "exp-9");
        assertThat(((Verdict.Rejected) check(node)).reason()).isEqualTo(RejectReason.UNKNOWN_EXPERIMENT);
        node.put("experimentId", "exp-2");
        assertThat(((Verdict.Rejected) check(node)).reason()).isEqualTo(RejectReason.NOT_RUNNING);
        node.put("experimentId", "exp-1");
        node.put("occurredAt", "2026-10-01T00:00:00Z");
        assertThat(((Verdict.Rejected) check(node)).reason()).isEqualTo(RejectReason.OUT_OF_WINDOW);
    }

    @Test
    void whenAnOrganisationTopicCarriesTheInternalFieldsOrAnotherOrganisationsExperimentThenRefused() {
        ObjectNode node = valid();
        var demo = Origin.organisation("demo");
        assertThat(rules.check(raw(node), "exp-1", NOW.toEpochMilli(), demo, KNOWN::get))
                .isInstanceOf(Verdict.Accepted.class);
        var other = rules.check(raw(node), "exp-1", NOW.toEpochMilli(), Origin.organisation("other"), KNOWN::get);
        assertThat(((Verdict.Rejected) other).reason()).isEqualTo(RejectReason.FOREIGN_EXPERIMENT);
        node.put("schemaVersion", 1);
        var internal = rules.check(raw(node), "exp-1", NOW.toEpochMilli(), demo, KNOWN::get);
        assertThat(((Verdict.Rejected) internal).header()).isEqualTo("unknown-field: unknown field 'schemaVersion'");
        assertThat(check(node)).as("the internal topic").isInstanceOf(Verdict.Accepted.class);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "eventId|<null>|INVALID_FIELD",
                "eventId|<long>|INVALID_FIELD",
                "type|click|INVALID_FIELD",
                "channel|fax|INVALID_FIELD",
                "occurredAt|yesterday|INVALID_FIELD",
                "occurredAt|2026-10-27T09:00:00Z|OUT_OF_WINDOW",
                "occurredAt|2026-11-27T10:06:00Z|OUT_OF_WINDOW",
                "durationMs|-1|INVALID_FIELD",
                "durationMs|86400001|INVALID_FIELD",
                "durationMs|1.5|INVALID_FIELD",
                "score|3|INVALID_FIELD",
                "variant|x|UNKNOWN_VARIANT",
                "experimentId|exp-2|NOT_RUNNING",
                "experimentId|exp-3|UNKNOWN_EXPERIMENT",
                "subjectId|<null>|INVALID_FIELD",
                "subjectHash|short|INVALID_FIELD",
            })
    void whenRuleBrokenThenRejectedWithReason(String field, String value, RejectReason reason) {
        ObjectNode node = valid();
        switch (value) {
            case "<null>" -> node.remove(field);
            case "<long>" -> node.put(field, "x".repeat(101));
            default -> {
                if (value.matches("-?\\d+")) node.put(field, Long.parseLong(value));
                else if (value.matches("\\d+\\.\\d+")) node.put(field, Double.parseDouble(value));
                else node.put(field, value);
            }
        }
        if (field.equals("subjectHash")) node.remove("subjectId");
        if (field.equals("subjectHash")) node.put("variant", "control");
        var verdict = check(node);
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) verdict).reason()).isEqualTo(reason);
    }

    @Test
    void whenFeedbackWithoutScoreOrOutOfRangeThenRejected() {
        ObjectNode node = valid();
        node.put("type", "feedback");
        node.remove("durationMs");
        assertThat(check(node)).isInstanceOf(Verdict.Rejected.class);
        node.put("score", 6);
        assertThat(check(node)).isInstanceOf(Verdict.Rejected.class);
        node.put("score", 4);
        assertThat(check(node)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void whenRecordKeyIsNotTheExperimentThenKeyMismatch() {
        var verdict = rules.check(raw(valid()), "exp-other", NOW.toEpochMilli(), KNOWN::get);
        assertThat(((Verdict.Rejected) verdict).reason()).isEqualTo(RejectReason.KEY_MISMATCH);
    }

    @Test
    void whenNotAnObjectThenNotAnObject() {
        var verdict = rules.check(raw(json.readTree("[1,2]")), "exp-1", NOW.toEpochMilli(), KNOWN::get);
        assertThat(((Verdict.Rejected) verdict).reason()).isEqualTo(RejectReason.NOT_AN_OBJECT);
    }
}

package lab.like.experiment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import lab.like.experiment.assignment.Assigner;
import lab.like.experiment.ingestion.domain.EventRules;
import lab.like.experiment.ingestion.domain.RejectReason;
import lab.like.experiment.ingestion.domain.Rejection;
import lab.like.experiment.ingestion.domain.SubjectHasher;
import lab.like.experiment.ingestion.web.SubmittedEventReader;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.Experiment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final SubjectHasher hasher = new SubjectHasher("test-secret-0123456789");
    private final EventRules rules = new EventRules(hasher, Duration.ofMinutes(5), Duration.ofDays(30));
    private final Experiment running = Fixtures.running();
    private final Map<String, Experiment> visible = Map.of("exp-1", running);

    @Test
    void whenVariantIsMissingThenAssignedExactlyAsTheAssignmentEndpointDoes() {
        EventRules.Verdict verdict = check("""
                {"eventId": "e-1", "experimentId": "exp-1", "subjectId": "citizen-9", "type": "start",
                 "occurredAt": "2026-11-27T09:59:00Z"}""");
        assertThat(verdict.rejected()).isNull();
        assertThat(verdict.accepted().variant())
                .isEqualTo(Assigner.assign(running, "citizen-9").variant());
        assertThat(verdict.accepted().subjectHash()).isEqualTo(hasher.hash("citizen-9"));
        assertThat(verdict.accepted().channel()).isEqualTo("web");
        assertThat(verdict.accepted().receivedAt()).isEqualTo(NOW);
    }

    @Test
    void whenOccurredAtIsAtTheWindowEdgesThenAcceptedJustInsideAndRejectedJustOutside() {
        assertThat(check(at(NOW.plus(Duration.ofMinutes(5)))).accepted()).isNotNull();
        assertThat(check(at(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                        .rejected()
                        .code())
                .isEqualTo(RejectReason.OUT_OF_WINDOW);
        assertThat(check(at(NOW.minus(Duration.ofDays(30)))).accepted()).isNotNull();
        assertThat(check(at(NOW.minus(Duration.ofDays(30)).minusSeconds(1)))
                        .rejected()
                        .code())
                .isEqualTo(RejectReason.OUT_OF_WINDOW);
    }

    @Test
    void whenSeveralRulesBreakThenTheReasonListsEachAndTheCodeIsTheFirst() {
        Rejection rejection = check("""
                {"eventId": "e-2", "experimentId": "exp-1", "subjectId": "", "type": "feedback",
                 "occurredAt": "2026-11-27T09:59:00Z", "durationMs": -1}""").rejected();
        assertThat(rejection.eventId()).isEqualTo("e-2");
        assertThat(rejection.reason())
                .contains("subjectId must be a string")
                .contains("durationMs must be an integer")
                .contains("score is required on 'feedback'");
        assertThat(rejection.code()).isEqualTo(RejectReason.INVALID_FIELD);
    }

    @Test
    void whenExperimentIsNotVisibleThenUnknownWithoutRevealingIt() {
        Rejection rejection = check("""
                {"eventId": "e-3", "experimentId": "exp-other", "subjectId": "s", "type": "exposure",
                 "occurredAt": "2026-11-27T09:59:00Z"}""").rejected();
        assertThat(rejection.reason()).isEqualTo("unknown experiment 'exp-other'");
        assertThat(rejection.code()).isEqualTo(RejectReason.UNKNOWN_EXPERIMENT);
    }

    @Test
    void whenFieldsCarryOperatorsThenTheyAreInvalidValuesNotQueries() {
        Rejection rejection = check("""
                {"eventId": {"$gt": ""}, "experimentId": {"$ne": null}, "subjectId": {"$where": "1"},
                 "type": "exposure", "occurredAt": "2026-11-27T09:59:00Z"}""").rejected();
        assertThat(rejection.eventId()).isNull();
        assertThat(rejection.reason())
                .contains("eventId must be a string", "experimentId must be a string", "subjectId must be a string");
    }

    private static String at(Instant occurredAt) {
        return "{\"eventId\": \"e\", \"experimentId\": \"exp-1\", \"subjectId\": \"s\", \"type\": \"exposure\", "
                + "\"occurredAt\": \"" + occurredAt + "\"}";
    }

    private EventRules.Verdict check(String json) {
        return rules.check(0, SubmittedEventReader.read(JSON.readTree(json)), visible, NOW);
    }
}

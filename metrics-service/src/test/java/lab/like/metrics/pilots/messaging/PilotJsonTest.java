package lab.like.metrics.pilots.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PilotJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whenAFullExperimentRecordIsReadThenEveryFieldTheViewsNeedIsKept() {
        String record = """
                {"schemaVersion":1,"id":"exp-1","organisation":"demo","name":"Short form","hypothesis":null,
                 "service":"parking-permit","variants":[{"key":"control","weight":50},{"key":"b","weight":50}],
                 "controlVariant":"control","primaryKpi":"satisfaction","guardrailKpis":[],"eligiblePopulation":null,
                 "minimumStarters":100,"sharedWithNetwork":true,"iterationOf":"exp-0","status":"COMPLETED",
                 "decision":{"outcome":"SCALE","rationale":"better"},"salt":"s","createdAt":"2026-01-01T00:00:00Z",
                 "updatedAt":"2026-02-01T00:00:00Z","startedAt":"2026-01-02T00:00:00Z",
                 "completedAt":"2026-02-01T00:00:00Z","version":7,"sequentialTesting":true}""";
        Pilot pilot = PilotJson.parse(JSON.readTree(record)).orElseThrow();
        assertThat(pilot)
                .isEqualTo(new Pilot(
                        "exp-1",
                        "demo",
                        "parking-permit",
                        "Short form",
                        ExperimentStatus.COMPLETED,
                        new Pilot.Decision(Outcome.SCALE, "better"),
                        Instant.parse("2026-01-02T00:00:00Z"),
                        Instant.parse("2026-02-01T00:00:00Z"),
                        "exp-0",
                        true,
                        "control",
                        "satisfaction",
                        7));
    }

    @Test
    void whenARecordLacksAnIdentityFieldOrIsNotAnObjectThenItIsNotAPilot() {
        assertThat(PilotJson.parse(
                        JSON.readTree("{\"id\":\"x\",\"organisation\":\"demo\",\"status\":\"DRAFT\",\"version\":1}")))
                .isEmpty();
        assertThat(
                        PilotJson.parse(
                                JSON.readTree(
                                        "{\"id\":\"x\",\"organisation\":\"demo\",\"service\":\"s\",\"status\":\"DRAFT\",\"version\":\"1\"}")))
                .isEmpty();
        assertThat(PilotJson.parse(JSON.readTree("[1]"))).isEmpty();
    }

    @Test
    void whenOptionalFieldsAreMissingOrUnreadableThenTheyAreNullAndSharingIsOff() {
        Pilot pilot = PilotJson.parse(JSON.readTree(
                        "{\"id\":\"x\",\"organisation\":\"demo\",\"service\":\"s\",\"status\":\"DRAFT\",\"version\":1,"
                                + "\"startedAt\":\"yesterday\",\"decision\":null}"))
                .orElseThrow();
        assertThat(pilot.startedAt()).isNull();
        assertThat(pilot.decision()).isNull();
        assertThat(pilot.sharedWithNetwork()).isFalse();
        assertThat(pilot.primaryKpi()).isEqualTo("completion_rate");
        // the whole record, so PilotDocumentsTest's round trip of this pilot is the round trip of what was read
        assertThat(pilot)
                .isEqualTo(new Pilot(
                        "x",
                        "demo",
                        "s",
                        null,
                        ExperimentStatus.DRAFT,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        "completion_rate",
                        1));
    }

    @Test
    void whenTheStatusIsNoneOfApiMdsThenTheRecordIsRefusedAndAnUnknownDecisionOutcomeIsNoDecision() {
        String base = "{\"id\":\"x\",\"organisation\":\"demo\",\"service\":\"s\",\"version\":1,";
        assertThat(PilotJson.parse(JSON.readTree(base + "\"status\":\"running\"}")))
                .isEmpty();
        assertThat(PilotJson.parse(JSON.readTree(base + "\"status\":\"WEIRD\"}")))
                .isEmpty();
        Pilot pilot = PilotJson.parse(JSON.readTree(
                        base + "\"status\":\"COMPLETED\",\"decision\":{\"outcome\":\"MAYBE\",\"rationale\":\"r\"}}"))
                .orElseThrow();
        assertThat(pilot.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(pilot.decision()).isNull();
    }
}

package lab.like.experiment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.like.experiment.ingestion.domain.EventRules;
import lab.like.experiment.ingestion.domain.SubjectHasher;
import lab.like.experiment.ingestion.web.SubmittedEventReader;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the shared rule cases ({@code docs/event-rules-cases.json}, also replayed by metrics-service's Kafka
 * rules) as events of a batch sent by the file's organisation: every row gets the verdict and reason code it names.
 */
class EventRulesCasesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path FILE = Path.of("..", "docs", "event-rules-cases.json");
    static final JsonNode DOC = read();

    final EventRules rules =
            new EventRules(new SubjectHasher("test-secret-0123456789"), Duration.ofMinutes(5), Duration.ofDays(30));

    static JsonNode read() {
        try {
            return JSON.readTree(Files.readAllBytes(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> cases() {
        List<JsonNode> all = new ArrayList<>();
        DOC.path("cases").forEach(all::add);
        return all.stream();
    }

    /** The experiments the caller sees: those of its organisation, in the status the file gives. */
    static Map<String, Experiment> visible() {
        Map<String, Experiment> byId = new HashMap<>();
        String caller = DOC.path("organisation").asString();
        for (JsonNode e : DOC.path("experiments")) {
            if (!e.path("organisation").asString().equals(caller)) continue;
            List<Variant> variants = new ArrayList<>();
            e.path("variants").forEach(v -> variants.add(new Variant(v.asString(), 50)));
            var base = Fixtures.spec();
            var spec = new lab.like.experiment.registry.domain.ExperimentSpec(
                    base.name(),
                    base.hypothesis(),
                    base.service(),
                    variants,
                    variants.get(0).key(),
                    base.primaryKpi(),
                    base.guardrailKpis(),
                    base.eligiblePopulation(),
                    base.minimumStarters(),
                    base.sharedWithNetwork(),
                    base.sequentialTesting(),
                    base.iterationOf());
            Experiment draft = Experiment.create(
                    new ExperimentId(e.path("id").asString()), caller, spec, "salt-1", "rules-cases", Fixtures.CLOCK);
            Experiment experiment =
                    switch (e.path("status").asString()) {
                        case "DRAFT" -> draft;
                        case "RUNNING" ->
                            draft.start("rules-cases", Fixtures.CLOCK).experiment();
                        case "PAUSED" ->
                            draft.start("rules-cases", Fixtures.CLOCK)
                                    .experiment()
                                    .pause("rules-cases", Fixtures.CLOCK)
                                    .experiment();
                        default -> throw new IllegalArgumentException(e.toString());
                    };
            byId.put(experiment.id().value(), experiment);
        }
        return byId;
    }

    @Test
    void whenTheFileIsReadThenItHoldsEnoughCasesOfEveryReason() {
        assertThat(DOC.path("cases").size()).isGreaterThanOrEqualTo(100);
        assertThat(cases().map(c -> c.path("reason").asString("accepted")))
                .contains(
                        "accepted",
                        "not-an-object",
                        "unknown-field",
                        "invalid-field",
                        "unknown-experiment",
                        "not-running",
                        "unknown-variant",
                        "out-of-window");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whenACaseIsReplayedOverHttpThenItsVerdictAndReasonAreTheFilesOnes(JsonNode c) {
        Instant now = Instant.parse(DOC.path("now").asString());
        EventRules.Verdict verdict = rules.check(0, SubmittedEventReader.read(c.get("event")), visible(), now);
        String actual = verdict.rejected() != null ? verdict.rejected().code().tag() : "accepted";
        String expected = c.path("verdict").asString().equals("accepted")
                ? "accepted"
                : c.path("reason").asString();
        assertThat(actual).as(c.path("name").asString() + " " + verdict).isEqualTo(expected);
        if (verdict.accepted() != null && c.has("variant")) {
            assertThat(verdict.accepted().variant()).isEqualTo(c.path("variant").asString());
        }
    }
}

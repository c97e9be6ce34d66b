package lab.like.metrics.aggregation.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.aggregation.Origin;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.aggregation.RawEvent;
import lab.like.metrics.aggregation.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the shared rule cases ({@code docs/event-rules-cases.json}, also replayed by experiment-service's HTTP
 * rules) as events on the demo organisation's topic: every row gets the verdict and reason code it names, through
 * the byte scanner and through Jackson alike.
 */
class EventRulesCasesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path FILE = Path.of("..", "docs", "event-rules-cases.json");
    static final JsonNode DOC = read();

    final EventRules rules = new EventRules(new Pseudonymiser("secret"));
    final RawEventReader reader = new RawEventReader(JSON);

    static JsonNode read() {
        try {
            return JSON.readTree(Files.readAllBytes(FILE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> cases() {
        List<JsonNode> all = new ArrayList<>();
        DOC.path("cases").forEach(all::add);
        return all.stream();
    }

    static Map<String, ExperimentDefinition> experiments() {
        Map<String, ExperimentDefinition> byId = new HashMap<>();
        for (JsonNode e : DOC.path("experiments")) {
            List<ExperimentDefinition.Variant> variants = new ArrayList<>();
            e.path("variants").forEach(v -> variants.add(new ExperimentDefinition.Variant(v.asString(), 50)));
            String id = e.path("id").asString();
            byId.put(
                    id,
                    new ExperimentDefinition(
                            id,
                            e.path("organisation").asString(),
                            ExperimentStatus.valueOf(e.path("status").asString()),
                            variants,
                            variants.get(0).key(),
                            "completion_rate",
                            List.of(),
                            null,
                            null,
                            "salt-1",
                            1));
        }
        return byId;
    }

    @Test
    void whenTheFileIsReadThenItHoldsEnoughCasesOfEveryReason() {
        assertThat(DOC.path("cases").size()).isGreaterThanOrEqualTo(100);
        List<String> reasons =
                cases().map(c -> c.path("reason").asString("accepted")).toList();
        assertThat(reasons)
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
    void whenACaseIsReplayedOnTheOrganisationTopicThenItsVerdictAndReasonAreTheFilesOnes(JsonNode c) {
        byte[] bytes = JSON.writeValueAsBytes(c.get("event"));
        JsonNode experimentId = c.path("event").path("experimentId");
        String key = experimentId.isString() ? experimentId.stringValue() : "no-key";
        Instant now = Instant.parse(DOC.path("now").asString());
        var origin = Origin.organisation(DOC.path("organisation").asString());
        var experiments = experiments();
        String expected = c.path("verdict").asString().equals("accepted")
                ? "accepted"
                : c.path("kafkaReason").asString(c.path("reason").asString());
        for (RawEvent raw : java.util.Arrays.asList(readFast(bytes), readWithJackson(bytes))) {
            Verdict verdict = rules.check(raw, key, now.toEpochMilli(), origin, experiments::get);
            String actual = verdict instanceof Verdict.Rejected r ? r.reason().tag() : "accepted";
            assertThat(actual).as(c.path("name").asString() + " " + verdict).isEqualTo(expected);
            if (verdict instanceof Verdict.Accepted a && c.has("variant")) {
                assertThat(a.event().variant()).isEqualTo(c.path("variant").asString());
            }
        }
    }

    RawEvent readFast(byte[] bytes) {
        try {
            return reader.read(bytes);
        } catch (JacksonException e) {
            throw new AssertionError("the case is JSON", e);
        }
    }

    RawEvent readWithJackson(byte[] bytes) {
        return reader.readWithJackson(bytes);
    }
}

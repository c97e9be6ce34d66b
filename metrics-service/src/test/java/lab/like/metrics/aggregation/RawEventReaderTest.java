package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import lab.like.metrics.aggregation.json.RawEventReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class RawEventReaderTest {

    final RawEventReader reader = new RawEventReader(JsonMapper.builder().build());
    final EventRules rules = new EventRules(new Pseudonymiser("secret"));

    RawEvent read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenUnknownFieldsHoldObjectsAndArraysThenTheyAreSkipped() {
        RawEvent raw = read("{\"x\":{\"eventId\":\"inner\",\"y\":[1,{\"z\":2}]},\"eventId\":\"e-1\",\"score\":null,"
                + "\"durationMs\":5,\"receivedAt\":\"2026-11-27T10:00:01Z\"}");
        assertThat(raw.eventId()).isEqualTo("e-1");
        assertThat(raw.durationMs()).isEqualTo(5L);
        assertThat(raw.score()).isNull();
        assertThat(raw.badScore()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"eventId\":7,\"experimentId\":\"exp-1\",\"subjectId\":\"s\",\"type\":\"start\",\"occurredAt\":\"2026-11-27T09:00:00Z\"}",
                "{\"eventId\":\"e\",\"experimentId\":\"exp-1\",\"subjectId\":\"s\",\"type\":1,\"occurredAt\":\"2026-11-27T09:00:00Z\"}",
                "{\"eventId\":\"e\",\"experimentId\":\"exp-1\",\"subjectId\":\"s\",\"type\":\"start\",\"variant\":{},\"occurredAt\":\"2026-11-27T09:00:00Z\"}",
                "{\"eventId\":\"e\",\"experimentId\":\"exp-1\",\"subjectId\":\"s\",\"type\":\"complete\",\"durationMs\":\"5\",\"occurredAt\":\"2026-11-27T09:00:00Z\"}",
                "{\"eventId\":\"e\",\"experimentId\":\"exp-1\",\"subjectId\":\"s\",\"type\":\"complete\",\"durationMs\":99999999999999999999,\"occurredAt\":\"2026-11-27T09:00:00Z\"}",
                "{\"eventId\":\"e\",\"experimentId\":\"exp-1\",\"subjectId\":\"s\",\"type\":\"start\",\"channel\":true,\"occurredAt\":\"2026-11-27T09:00:00Z\"}"
            })
    void whenAFieldHasTheWrongJsonTypeThenInvalidField(String json) {
        var verdict = rules.check(read(json), "exp-1", EventRulesTest.NOW.toEpochMilli(), EventRulesTest.KNOWN::get);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason())
                .isEqualTo(RejectReason.INVALID_FIELD));
    }

    @Test
    void whenNotJsonOrTruncatedThenItThrowsAndWhenNotAnObjectThenNull() {
        assertThatThrownBy(() -> read("{\"eventId\": \"x\", oops")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read("{\"eventId\": \"x\"")).isInstanceOf(JacksonException.class);
        assertThat(read("\"text\"")).isNull();
        assertThat(read("[1,2]")).isNull();
    }
}

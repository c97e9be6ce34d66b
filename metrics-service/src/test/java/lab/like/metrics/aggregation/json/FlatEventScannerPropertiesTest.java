package lab.like.metrics.aggregation.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import lab.like.metrics.aggregation.RawEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The scanner's fast path and Jackson agree on every input: same fields, or both reject it as malformed. */
class FlatEventScannerPropertiesTest {

    static final List<String> KNOWN_FIELDS = List.of(
            "eventId",
            "experimentId",
            "subjectId",
            "subjectHash",
            "variant",
            "type",
            "channel",
            "occurredAt",
            "durationMs",
            "score");

    static final List<String> TRICKY_VALUES = List.of(
            "0",
            "-0",
            "01",
            "-01",
            "-",
            "1.5",
            "1e3",
            "1E3",
            "-12",
            "123456789012345678",
            "-123456789012345678",
            "1234567890123456789",
            "99999999999999999999",
            "9223372036854775807",
            "-9223372036854775808",
            "5x",
            "nul",
            "null",
            "nullx",
            "true",
            "false",
            "{}",
            "[1]",
            "\"\"",
            "\"a\\\"b\"",
            "\"caf\u00e9\"",
            "\"x\"",
            "\"ctl\u0001\"");

    final RawEventReader reader = new RawEventReader(JsonMapper.builder().build());

    @Property(tries = 3000)
    void whenAnyEventLikeInputThenScannerAndJacksonAgree(@ForAll("eventLike") String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Object viaJackson = outcome(() -> reader.readWithJackson(bytes));
        Object viaReader = outcome(() -> reader.read(bytes));
        assertThat(viaReader).as(json).isEqualTo(viaJackson);
    }

    @Property(tries = 500)
    void whenPlainEventThenTheScannerReadsItWithoutJackson(@ForAll("plainEvent") String json) {
        RawEvent scanned = FlatEventScanner.scan(json.getBytes(StandardCharsets.UTF_8));
        assertThat(scanned).as(json).isNotNull();
        assertThat(scanned).isEqualTo(reader.readWithJackson(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every tricky value in every field of an otherwise plain event: each pair is decided the same way. */
    @org.junit.jupiter.api.Test
    void whenTrickyValueInAnyFieldOfAPlainEventThenScannerAndJacksonAgree() {
        List<String> fields = new java.util.ArrayList<>(KNOWN_FIELDS);
        fields.add("other");
        List<String> values = TRICKY_VALUES;
        int scanned = 0;
        for (String field : fields) {
            for (String value : values) {
                String json =
                        "{\"eventId\":\"e-1\",\"subjectId\":\"s\",\"" + field + "\":" + value + ",\"type\":\"start\"}";
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                assertThat(outcome(() -> reader.read(bytes)))
                        .as(json)
                        .isEqualTo(outcome(() -> reader.readWithJackson(bytes)));
                if (FlatEventScanner.scan(bytes) != null) scanned++;
            }
        }
        assertThat(scanned).as("pairs the fast path decided itself").isEqualTo(fields.size() * 8);
    }

    private static Object outcome(java.util.function.Supplier<RawEvent> read) {
        try {
            RawEvent event = read.get();
            return event == null ? "not an object" : event;
        } catch (JacksonException e) {
            return "malformed";
        }
    }

    @Provide
    Arbitrary<String> eventLike() {
        Arbitrary<String> members = Combinators.combine(names(), values(), whitespace(), whitespace())
                .as((name, value, ws1, ws2) -> ws1 + "\"" + name + "\"" + ws2 + ":" + ws1 + value + ws2)
                .list()
                .ofMaxSize(12)
                .map(list -> String.join(",", list));
        Arbitrary<String> object = Combinators.combine(members, whitespace(), whitespace())
                .as((body, before, after) -> before + "{" + body + "}" + after);
        Arbitrary<String> damaged = Combinators.combine(
                        object,
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.of("", "x", "}", ",", "{}", " ", "\"", "[]", "null"))
                .as((json, cut, tail) -> json.substring(0, Math.min(cut, json.length())) + tail);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, object),
                net.jqwik.api.Tuple.of(2, damaged),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("[]", "[{}]", "\"text\"", "42", "null", "", "  ", "{", "}")));
    }

    @Provide
    Arbitrary<String> plainEvent() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .excludeChars('"', '\\')
                .ofMaxLength(40);
        return Combinators.combine(text, text, text, Arbitraries.longs().between(-999_999_999_999L, 999_999_999_999L))
                .as((id, subject, variant, duration) -> "{\"eventId\":\"" + id + "\",\"experimentId\":\"exp-1\","
                        + "\"subjectId\":\"" + subject + "\",\"variant\":\"" + variant + "\",\"type\":\"complete\","
                        + "\"channel\":null,\"occurredAt\":\"2026-11-27T10:00:00Z\",\"durationMs\":" + duration
                        + ",\"score\":null}");
    }

    private Arbitrary<String> names() {
        List<String> names = new java.util.ArrayList<>(KNOWN_FIELDS);
        names.addAll(List.of("receivedAt", "x", "", "eventI", "scores", "event\\u0049d", "é"));
        return Arbitraries.of(names);
    }

    private Arbitrary<String> values() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.strings()
                        .withCharRange(' ', '~')
                        .excludeChars('"', '\\')
                        .ofMaxLength(30)
                        .map(s -> "\"" + s + "\""),
                Arbitraries.of(
                        "\"a\\\"b\"", "\"tab\\there\"", "\"caf\u00e9\"", "\"\\u0041\"", "\"\"", "\"line\nbreak\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of(withExtras(TRICKY_VALUES, "{\"a\":[1,{\"b\":2}]}", "[1,2]", "[]", "NaN"))));
    }

    private static List<String> withExtras(List<String> base, String... extras) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(extras));
        return all;
    }

    private Arbitrary<String> whitespace() {
        return Arbitraries.of("", "", "", " ", "\n", "\t ", "\r\n");
    }
}

package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import lab.like.metrics.aggregation.json.AggregateMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * State-store values and {@code kpi-aggregates} records written before {@link Counts} existed (the literals below
 * were produced by that code, from the events of {@link #countTheSameEvents}) still read, and the same events
 * still give the same bytes: changelogs, stored state and the compacted topic need no migration.
 */
class CountsCompatibilityTest {

    static final Counts EXPECTED = new Counts(3, 2, 2, 1, 2, 1, 2, 1, 6);

    /** Format 2 (13 longs, then the sketch), as AggregateCodec wrote it before Counts. */
    static final String FORMAT_2 = "02000000000000000700000000000000030000000000000002000000000000000200000000000000"
            + "01000000000000000200000000000000010000000000000002000000000000000100000000000000"
            + "060000019ab697ff7000000000000004b00000000000000d480ec2f1e7e9ed51f03f000000000000"
            + "00000502ca05026a02";

    /** Format 1 (11 longs, no exact duration extremes, then the sketch). */
    static final String FORMAT_1 = "01000000000000000700000000000000030000000000000002000000000000000200000000000000"
            + "01000000000000000200000000000000010000000000000002000000000000000100000000000000"
            + "060000019ab697ff700ec2f1e7e9ed51f03f00000000000000000502ca05026a02";

    static final String MESSAGE =
            "{\"schemaVersion\":1,\"experimentId\":\"exp-1\",\"variant\":\"control\",\"day\":\"2026-11-27\""
                    + ",\"version\":7,\"subjects\":3,\"starters\":2,\"completers\":2,\"abandoners\":1,\"completion"
                    + "s\":2,\"digitalCompletions\":1,\"feedbackResponses\":2,\"satisfiedResponses\":1,\"scoreS"
                    + "um\":6,\"medianDurationMs\":1200,\"p90DurationMs\":1200,\"durationSketch\":\"DsLx5+ntUfA"
                    + "/AAAAAAAAAAAFAsoFAmoC\",\"lastEventAt\":\"2025-11-24T16:00:06Z\",\"emittedAt\":\"2026-11"
                    + "-27T10:00:00.300Z\"}";

    static final String EMPTY_TOTALS_MESSAGE =
            "{\"schemaVersion\":1,\"experimentId\":\"exp-1\",\"variant\":\"b\",\"day\":null,\"version\":0,\""
                    + "subjects\":0,\"starters\":0,\"completers\":0,\"abandoners\":0,\"completions\":0,\"digitalC"
                    + "ompletions\":0,\"feedbackResponses\":0,\"satisfiedResponses\":0,\"scoreSum\":0,\"medianD"
                    + "urationMs\":null,\"p90DurationMs\":null,\"durationSketch\":\"\",\"lastEventAt\":\"1970-01-"
                    + "01T00:00:00Z\",\"emittedAt\":\"2026-11-27T10:00:00.300Z\"}";

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenStateWrittenBeforeCountsIsReadThenEveryCounterIsKept() {
        var totals = AggregateCodec.decode(HexFormat.of().parseHex(FORMAT_2)).totals();
        assertThat(totals.counts()).isEqualTo(EXPECTED);
        assertThat(totals.version()).isEqualTo(7);
        assertThat(totals.lastEventTimestamp()).isEqualTo(1_764_000_006_000L);
        assertThat(totals.medianDurationMs()).isEqualTo(1200L);
        assertThat(AggregateCodec.encode(AggregateCodec.decode(HexFormat.of().parseHex(FORMAT_2))))
                .isEqualTo(HexFormat.of().parseHex(FORMAT_2));
    }

    @Test
    void whenStateOfTheFirstFormatIsReadThenEveryCounterIsKept() {
        var totals = AggregateCodec.decode(HexFormat.of().parseHex(FORMAT_1)).totals();
        assertThat(totals.counts()).isEqualTo(EXPECTED);
        assertThat(totals.version()).isEqualTo(7);
        assertThat(totals.lastEventTimestamp()).isEqualTo(1_764_000_006_000L);
    }

    @Test
    void whenTheSameEventsAreCountedThenTheStateBytesAreThoseWrittenBefore() {
        assertThat(HexFormat.of().formatHex(AggregateCodec.encode(countTheSameEvents())))
                .isEqualTo(FORMAT_2);
    }

    @Test
    void whenAMessageWrittenBeforeCountsIsReadThenItIsTheSameMessage() {
        var message = json.readValue(MESSAGE, AggregateMessage.class);
        assertThat(message.counts()).isEqualTo(EXPECTED);
        assertThat(message.version()).isEqualTo(7);
        assertThat(message.medianDurationMs()).isEqualTo(1200L);
        assertThat(json.writeValueAsString(message)).isEqualTo(MESSAGE);
        var empty = json.readValue(EMPTY_TOTALS_MESSAGE, AggregateMessage.class);
        assertThat(empty.counts()).isEqualTo(Counts.ZERO);
        assertThat(empty.day()).isNull();
        assertThat(json.writeValueAsString(empty)).isEqualTo(EMPTY_TOTALS_MESSAGE);
    }

    @Test
    void whenTheSameEventsAreEmittedThenTheMessageIsByteForByteTheOneWrittenBefore() {
        var message = AggregateMessage.of(
                new AggregateKey("exp-1", "control", "2026-11-27"),
                countTheSameEvents().totals(),
                Instant.parse("2026-11-27T10:00:00.300Z"));
        assertThat(json.writeValueAsString(message)).isEqualTo(MESSAGE);
        var empty = AggregateMessage.of(
                AggregateKey.total("exp-1", "b"),
                Aggregate.empty().totals(),
                Instant.parse("2026-11-27T10:00:00.300Z"));
        assertThat(json.writeValueAsString(empty)).isEqualTo(EMPTY_TOTALS_MESSAGE);
    }

    /** Three subjects: s1 exposed, started, completed on the web; s2 completed by phone, then scored 2; s3 abandoned, scored 4. */
    static Aggregate countTheSameEvents() {
        Aggregate a = Aggregate.empty();
        a.count(event("s1", EventType.EXPOSURE, Channel.WEB, null, null), SubjectFlags.SEEN, 1_764_000_000_000L);
        a.count(event("s1", EventType.START, Channel.WEB, null, null), SubjectFlags.STARTER, 1_764_000_001_000L);
        a.count(event("s1", EventType.COMPLETE, Channel.WEB, 1200L, null), SubjectFlags.COMPLETER, 1_764_000_002_000L);
        a.count(
                event("s2", EventType.COMPLETE, Channel.PHONE, 3400L, null),
                SubjectFlags.of(EventType.COMPLETE),
                1_764_000_003_000L);
        a.count(
                event("s3", EventType.ABANDON, Channel.APP, null, null),
                SubjectFlags.of(EventType.ABANDON),
                1_764_000_004_000L);
        a.count(event("s3", EventType.FEEDBACK, Channel.APP, null, 4), 0, 1_764_000_005_000L);
        a.count(event("s2", EventType.FEEDBACK, Channel.APP, null, 2), 0, 1_764_000_006_000L);
        return a;
    }

    static CountableEvent event(String subject, EventType type, Channel channel, Long duration, Integer score) {
        return new CountableEvent(
                "e", "exp", subject, "control", type, channel, Instant.parse("2026-11-27T10:00:00Z"), duration, score);
    }
}

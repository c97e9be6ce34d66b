package lab.like.metrics.aggregation.streams;

import static lab.like.metrics.aggregation.streams.WriteBackBufferTest.store;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.like.metrics.aggregation.Aggregate;
import lab.like.metrics.aggregation.AggregateCodec;
import lab.like.metrics.aggregation.AggregateKey;
import lab.like.metrics.aggregation.Channel;
import lab.like.metrics.aggregation.CountableEvent;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.aggregation.EventType;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The counting algorithm as plain Java: write-back buffers over in-memory stores, no topology. */
class EventCounterTest {

    static final Instant DAY_1 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant DAY_2 = Instant.parse("2026-11-03T10:00:00Z");
    static final long NOW = Instant.parse("2026-11-04T12:00:00Z").toEpochMilli();

    final KeyValueStore<String, byte[]> dedup = store("dedup");
    final KeyValueStore<String, byte[]> subjectFlags = store("subject-flags");
    final KeyValueStore<String, byte[]> aggregates = store("aggregates");
    final KeyValueStore<String, byte[]> dirty = store("dirty");
    final List<WriteBackBuffer<?, ?>> buffers = new ArrayList<>();
    EventCounter counter = counterOverTheStores();

    /** A counter as a (re)started task makes one: new buffers over the stores as they are. */
    EventCounter counterOverTheStores() {
        buffers.clear();
        var aggregateBuffer = new WriteBackBuffer<Aggregate, byte[]>(
                aggregates, AggregateCodec::encode, AggregateCodec::decode, false);
        var counterOver = new EventCounter(
                add(new WriteBackBuffer<>(dedup, Function.identity(), Function.identity(), true)),
                add(new WriteBackBuffer<>(subjectFlags, Function.identity(), Function.identity(), true)),
                add(aggregateBuffer),
                add(new WriteBackBuffer<>(dirty, Function.identity(), Function.identity(), false)));
        return counterOver;
    }

    private <T> WriteBackBuffer<T, byte[]> add(WriteBackBuffer<T, byte[]> buffer) {
        buffers.add(buffer);
        return buffer;
    }

    static CountableEvent event(String id, String subject, String variant, EventType type, Instant at) {
        return event(id, subject, variant, type, at, Channel.WEB, null);
    }

    static CountableEvent event(
            String id, String subject, String variant, EventType type, Instant at, Channel channel, Integer score) {
        return new CountableEvent(
                id, "exp-1", subject, variant, type, channel, at, type == EventType.COMPLETE ? 60_000L : null, score);
    }

    boolean count(CountableEvent event) {
        return counter.count(event, event.occurredAt().toEpochMilli(), NOW);
    }

    Counts total(String variant) {
        return counter.aggregate(AggregateKey.total("exp-1", variant).asString())
                .totals()
                .counts();
    }

    Counts day(String variant, Instant day) {
        return counter.aggregate(
                        new AggregateKey("exp-1", variant, day.toString().substring(0, 10)).asString())
                .totals()
                .counts();
    }

    @Test
    void aJourneyIsCountedOnceAndItsDuplicatesNotAtAll() {
        var exposure = event("e1", "s1", "control", EventType.EXPOSURE, DAY_1);
        var start = event("e2", "s1", "control", EventType.START, DAY_1);
        var complete = event("e3", "s1", "control", EventType.COMPLETE, DAY_1);
        var feedback = event("e4", "s1", "control", EventType.FEEDBACK, DAY_1, Channel.WEB, 5);

        assertThat(count(exposure)).isTrue();
        assertThat(count(start)).isTrue();
        assertThat(count(complete)).isTrue();
        assertThat(count(complete)).isFalse();
        assertThat(count(feedback)).isTrue();
        assertThat(count(exposure)).isFalse();

        var once = new Counts(1, 1, 1, 0, 1, 1, 1, 1, 5);
        assertThat(total("control")).isEqualTo(once);
        assertThat(day("control", DAY_1)).isEqualTo(once);
    }

    @Test
    void distinctCountsCountASubjectOnceOverallAndOncePerDayWhilePlainTotalsCountEveryEvent() {
        count(event("e1", "s1", "control", EventType.COMPLETE, DAY_1));
        count(event("e2", "s1", "control", EventType.COMPLETE, DAY_2, Channel.PHONE, null));
        count(event("e3", "s2", "control", EventType.ABANDON, DAY_2));
        count(event("e4", "s2", "control", EventType.FEEDBACK, DAY_2, Channel.WEB, 2));

        assertThat(total("control")).isEqualTo(new Counts(2, 1, 1, 1, 2, 1, 1, 0, 2));
        assertThat(day("control", DAY_1)).isEqualTo(new Counts(1, 1, 1, 0, 1, 1, 0, 0, 0));
        assertThat(day("control", DAY_2)).isEqualTo(new Counts(2, 1, 1, 1, 1, 0, 1, 0, 2));
    }

    @Test
    void aSubjectInTwoVariantsIsCountedInEachAndTheVariantsDoNotMix() {
        count(event("e1", "s1", "control", EventType.START, DAY_1));
        count(event("e2", "s1", "simple-form", EventType.START, DAY_1));
        count(event("e3", "s2", "simple-form", EventType.COMPLETE, DAY_1));

        assertThat(total("control")).isEqualTo(new Counts(1, 1, 0, 0, 0, 0, 0, 0, 0));
        assertThat(total("simple-form")).isEqualTo(new Counts(2, 2, 1, 0, 1, 1, 0, 0, 0));
    }

    @Test
    void changedKeysAreDirtyUntilCleanedAndDirtyAgainAfterTheNextEvent() {
        String total = AggregateKey.total("exp-1", "control").asString();
        String day1 = new AggregateKey("exp-1", "control", "2026-11-02").asString();
        count(event("e1", "s1", "control", EventType.START, DAY_1));
        assertThat(counter.dirtyKeys()).containsExactlyInAnyOrder(total, day1);

        counter.dirtyKeys().forEach(counter::clean);
        assertThat(counter.dirtyKeys()).isEmpty();
        count(event("e1", "s1", "control", EventType.START, DAY_1)); // a duplicate changes nothing
        assertThat(counter.dirtyKeys()).isEmpty();

        count(event("e2", "s2", "control", EventType.START, DAY_2));
        assertThat(counter.dirtyKeys())
                .containsExactlyInAnyOrder(total, new AggregateKey("exp-1", "control", "2026-11-03").asString());
    }

    @Test
    void aRestartedCounterOverTheWrittenBackStoresStillKnowsEveryEventAndSubject() {
        count(event("e1", "s1", "control", EventType.COMPLETE, DAY_1));
        writeBackAll();

        counter = counterOverTheStores();

        assertThat(count(event("e1", "s1", "control", EventType.COMPLETE, DAY_1)))
                .isFalse();
        assertThat(count(event("e2", "s1", "control", EventType.COMPLETE, DAY_1)))
                .isTrue();
        assertThat(total("control")).isEqualTo(new Counts(1, 1, 1, 0, 2, 2, 0, 0, 0));
    }

    @Test
    void aPurgeForgetsEventIdsFirstSeenBeforeTheRetentionAndKeepsTheOthers() {
        long tenDaysAgo = NOW - Duration.ofDays(10).toMillis();
        counter.count(event("old", "s1", "control", EventType.START, DAY_1), DAY_1.toEpochMilli(), tenDaysAgo);
        count(event("recent", "s2", "control", EventType.START, DAY_1));

        PurgePass.Slice slice;
        do {
            slice = counter.purgeSlice(NOW, Duration.ofDays(7), 1);
        } while (!slice.passComplete());
        assertThat(counter.purging()).isFalse();

        assertThat(count(event("recent", "s2", "control", EventType.START, DAY_1)))
                .isFalse();
        // past the retention an id is forgotten: its subject flags still keep the distinct counts exact
        assertThat(count(event("old", "s1", "control", EventType.START, DAY_1))).isTrue();
        assertThat(total("control").starters()).isEqualTo(2);
    }

    @Test
    void whenDedupValueIsADayOrAnEarlierExactTimeThenBothReadAsMillis() {
        long exact = 1_795_800_000_123L;
        assertThat(EventCounter.firstSeenMillis(
                        ByteBuffer.allocate(8).putLong(exact).array()))
                .isEqualTo(exact);
        int day = 20_784;
        assertThat(EventCounter.firstSeenMillis(
                        ByteBuffer.allocate(4).putInt(day).array()))
                .isEqualTo(day * 86_400_000L);
    }

    /** What every commit does through {@link WriteBackStore#flushCache}. */
    private void writeBackAll() {
        buffers.forEach(WriteBackBuffer::writeBack);
    }
}

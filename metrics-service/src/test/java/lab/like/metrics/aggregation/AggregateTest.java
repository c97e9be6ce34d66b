package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AggregateTest {

    @Test
    void whenCompleteWithoutStartThenSubjectCountsAsStarterAndCompleter() {
        int fresh = SubjectFlags.newlySet(0, SubjectFlags.of(EventType.COMPLETE));
        Aggregate a = Aggregate.empty();
        a.count(event("s1", EventType.COMPLETE, Channel.PHONE, 1000L, null), fresh, 1);
        var t = a.totals();
        assertThat(t.counts().subjects()).isEqualTo(1);
        assertThat(t.counts().starters()).isEqualTo(1);
        assertThat(t.counts().completers()).isEqualTo(1);
        assertThat(t.counts().completions()).isEqualTo(1);
        assertThat(t.counts().digitalCompletions()).isZero();
        assertThat(t.medianDurationMs()).isEqualTo(1000L); // clamped into the exact min/max
    }

    @Test
    void whenNoDurationsThenQuantilesAreNull() {
        Aggregate a = Aggregate.empty();
        a.count(event("s1", EventType.FEEDBACK, Channel.WEB, null, 5), SubjectFlags.SEEN, 1);
        assertThat(a.totals().medianDurationMs()).isNull();
        assertThat(a.totals().counts().satisfiedResponses()).isEqualTo(1);
        assertThat(AggregateCodec.decode(AggregateCodec.encode(a)).totals().p90DurationMs())
                .isNull();
    }

    @Test
    void whenSecondEventOfSameFlagThenDistinctCountUnchanged() {
        int first = SubjectFlags.newlySet(0, SubjectFlags.of(EventType.START));
        int second = SubjectFlags.newlySet(first, SubjectFlags.of(EventType.START));
        assertThat(second).isZero();
        assertThat(SubjectFlags.newlySet(first, SubjectFlags.of(EventType.COMPLETE)))
                .isEqualTo(SubjectFlags.COMPLETER);
    }

    /** Counting two disjoint groups of subjects separately and merging equals counting them together. */
    @Property(tries = 200)
    void mergeOfDisjointSubjectsEqualsCountingTogether(@ForAll("events") List<CountableEvent> events) {
        Aggregate together = countAll(events);
        Aggregate left = countAll(
                events.stream().filter(e -> e.subjectHash().hashCode() % 2 == 0).toList());
        Aggregate right = countAll(
                events.stream().filter(e -> e.subjectHash().hashCode() % 2 != 0).toList());
        left.merge(right);
        var expected = together.totals();
        var merged = left.totals();
        assertThat(merged)
                .usingRecursiveComparison()
                .ignoringFields("durationSketch", "lastEventTimestamp")
                .isEqualTo(expected);
    }

    @Property(tries = 200)
    void codecRoundTripKeepsEveryTotal(@ForAll("events") List<CountableEvent> events) {
        Aggregate a = countAll(events);
        assertThat(AggregateCodec.decode(AggregateCodec.encode(a)).totals())
                .usingRecursiveComparison()
                .ignoringFields("durationSketch")
                .isEqualTo(a.totals());
    }

    @Property(tries = 100)
    void distinctCountsNeverExceedSubjectsAndCompletersNeverExceedStarters(
            @ForAll("events") List<CountableEvent> events) {
        var t = countAll(events).totals();
        assertThat(t.counts().starters()).isLessThanOrEqualTo(t.counts().subjects());
        assertThat(t.counts().completers()).isLessThanOrEqualTo(t.counts().starters());
        assertThat(t.counts().abandoners()).isLessThanOrEqualTo(t.counts().subjects());
        assertThat(t.counts().digitalCompletions())
                .isLessThanOrEqualTo(t.counts().completions());
        assertThat(t.version()).isEqualTo(events.size());
    }

    @Test
    void whenStoredInTheFirstFormatThenStillDecodes() {
        Aggregate a = Aggregate.empty();
        a.count(event("s1", EventType.COMPLETE, Channel.WEB, 2000L, null), SubjectFlags.of(EventType.COMPLETE), 1);
        byte[] current = AggregateCodec.encode(a);
        byte[] first = new byte[current.length - 16];
        System.arraycopy(current, 0, first, 0, 89);
        System.arraycopy(current, 105, first, 89, current.length - 105);
        first[0] = 1;
        var t = AggregateCodec.decode(first).totals();
        assertThat(t.counts().completions()).isEqualTo(1);
        assertThat(t.medianDurationMs()).isCloseTo(2000L, org.assertj.core.api.Assertions.withinPercentage(2));
    }

    static Aggregate countAll(List<CountableEvent> events) {
        Map<String, Integer> flags = new HashMap<>();
        Aggregate a = Aggregate.empty();
        for (CountableEvent e : events) {
            int before = flags.getOrDefault(e.subjectHash(), 0);
            int eventFlags = SubjectFlags.of(e.type());
            flags.put(e.subjectHash(), before | eventFlags);
            a.count(e, SubjectFlags.newlySet(before, eventFlags), 1);
        }
        return a;
    }

    @Provide
    Arbitrary<List<CountableEvent>> events() {
        Arbitrary<CountableEvent> one = Combinators.combine(
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.of(EventType.class),
                        Arbitraries.of(Channel.class),
                        Arbitraries.longs().between(0, 86_400_000),
                        Arbitraries.integers().between(1, 5))
                .as((subject, type, channel, duration, score) -> event(
                        "subject-" + subject,
                        type,
                        channel,
                        type == EventType.COMPLETE ? duration : null,
                        type == EventType.FEEDBACK ? score : null));
        return one.list().ofMaxSize(200).map(ArrayList::new);
    }

    static CountableEvent event(String subject, EventType type, Channel channel, Long duration, Integer score) {
        return new CountableEvent(
                "e", "exp", subject, "control", type, channel, Instant.parse("2026-11-27T10:00:00Z"), duration, score);
    }
}

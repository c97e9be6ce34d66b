package lab.like.metrics.aggregation;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;

/**
 * Running totals of one experiment x variant (optionally x day). Mutable on purpose: it lives only inside one
 * stream task, is read from and written back to a state store around each event, and leaves as {@link Totals}.
 */
public final class Aggregate {

    static final double RELATIVE_ACCURACY = 0.01;

    long version;
    Counts counts = Counts.ZERO;
    long lastEventTimestamp;
    // exact extremes of the durations: quantiles from the sketch are clamped into them (a single 1000 ms
    // completion reads as 1000, not as the sketch bin's 995); -1 when unknown
    long minDurationMs = -1;
    long maxDurationMs = -1;
    // The sketch is decoded only when it changes or quantiles are read; otherwise its encoding is carried over
    // untouched, so counting an event that is not a timed completion never decodes or re-encodes it.
    DDSketch durations;
    byte[] encodedDurations;

    public static Aggregate empty() {
        return new Aggregate();
    }

    /** Counts one (deduplicated) event; {@code newFlags} are the subject flags this event turned on. */
    public void count(CountableEvent event, int newFlags, long recordTimestamp) {
        version++;
        lastEventTimestamp = Math.max(lastEventTimestamp, recordTimestamp);
        boolean complete = event.type() == EventType.COMPLETE;
        boolean feedback = event.type() == EventType.FEEDBACK;
        Counts c = counts;
        counts = new Counts(
                c.subjects() + bit(newFlags, SubjectFlags.SEEN),
                c.starters() + bit(newFlags, SubjectFlags.STARTER),
                c.completers() + bit(newFlags, SubjectFlags.COMPLETER),
                c.abandoners() + bit(newFlags, SubjectFlags.ABANDONER),
                c.completions() + (complete ? 1 : 0),
                c.digitalCompletions() + (complete && event.channel().digital() ? 1 : 0),
                c.feedbackResponses() + (feedback ? 1 : 0),
                c.satisfiedResponses() + (feedback && event.score() >= 4 ? 1 : 0),
                c.scoreSum() + (feedback ? event.score() : 0));
        if (complete && event.durationMs() != null) {
            sketch().accept(event.durationMs());
            minDurationMs = minDurationMs < 0 ? event.durationMs() : Math.min(minDurationMs, event.durationMs());
            maxDurationMs = Math.max(maxDurationMs, event.durationMs());
            encodedDurations = null;
        }
    }

    private static long bit(int flags, int flag) {
        return (flags & flag) != 0 ? 1 : 0;
    }

    /** Adds another aggregate over a disjoint set of subjects and events. */
    public void merge(Aggregate other) {
        version += other.version;
        counts = counts.plus(other.counts);
        lastEventTimestamp = Math.max(lastEventTimestamp, other.lastEventTimestamp);
        if (other.hasDurations()) {
            if (!hasDurations()) {
                minDurationMs = other.minDurationMs;
                maxDurationMs = other.maxDurationMs;
            } else if (minDurationMs >= 0 && other.minDurationMs >= 0) {
                minDurationMs = Math.min(minDurationMs, other.minDurationMs);
                maxDurationMs = Math.max(maxDurationMs, other.maxDurationMs);
            } else {
                minDurationMs = -1;
                maxDurationMs = -1;
            }
            sketch().mergeWith(other.sketch());
            encodedDurations = null;
        }
    }

    DDSketch sketch() {
        if (durations == null) {
            durations = encodedDurations != null && encodedDurations.length > 0
                    ? AggregateCodec.decodeSketch(encodedDurations, 0, encodedDurations.length)
                    : DDSketches.unboundedDense(RELATIVE_ACCURACY);
        }
        return durations;
    }

    boolean hasDurations() {
        return (encodedDurations != null && encodedDurations.length > 0) || (durations != null && !durations.isEmpty());
    }

    byte[] encodedSketch() {
        if (encodedDurations == null) {
            encodedDurations =
                    durations == null || durations.isEmpty() ? new byte[0] : AggregateCodec.sketchBytes(durations);
        }
        return encodedDurations;
    }

    private long quantile(DDSketch sketch, double q) {
        long value = Math.round(sketch.getValueAtQuantile(q));
        if (minDurationMs >= 0 && maxDurationMs >= 0) value = Math.max(minDurationMs, Math.min(maxDurationMs, value));
        return value;
    }

    public Totals totals() {
        boolean noDurations = !hasDurations();
        DDSketch sketch = noDurations ? null : sketch();
        return new Totals(
                version,
                counts,
                noDurations ? null : quantile(sketch, 0.5),
                noDurations ? null : quantile(sketch, 0.9),
                lastEventTimestamp,
                encodedSketch());
    }

    /** An immutable snapshot of the totals, with the duration quantiles and the serialized sketch. */
    public record Totals(
            long version,
            Counts counts,
            Long medianDurationMs,
            Long p90DurationMs,
            long lastEventTimestamp,
            byte[] durationSketch) {}
}

package lab.like.metrics.aggregation;

import java.time.Instant;

/**
 * The full totals of one aggregate key as published on the compacted {@code kpi-aggregates} topic
 * (docs/schemas/kpi-aggregate.json). {@code day} is null for the experiment-long totals; {@code version} counts
 * the events in the aggregate and only grows, so a writer keeps the highest one.
 */
public record AggregateMessage(
        int schemaVersion,
        String experimentId,
        String variant,
        String day,
        long version,
        long subjects,
        long starters,
        long completers,
        long abandoners,
        long completions,
        long digitalCompletions,
        long feedbackResponses,
        long satisfiedResponses,
        long scoreSum,
        Long medianDurationMs,
        Long p90DurationMs,
        byte[] durationSketch,
        Instant lastEventAt,
        Instant emittedAt) {

    public static AggregateMessage of(AggregateKey key, Aggregate.Totals t, Instant emittedAt) {
        return new AggregateMessage(
                1,
                key.experimentId(),
                key.variant(),
                key.day(),
                t.version(),
                t.subjects(),
                t.starters(),
                t.completers(),
                t.abandoners(),
                t.completions(),
                t.digitalCompletions(),
                t.feedbackResponses(),
                t.satisfiedResponses(),
                t.scoreSum(),
                t.medianDurationMs(),
                t.p90DurationMs(),
                t.durationSketch(),
                Instant.ofEpochMilli(t.lastEventTimestamp()),
                emittedAt);
    }
}

package lab.like.metrics.aggregation.json;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import lab.like.metrics.aggregation.Aggregate;
import lab.like.metrics.aggregation.AggregateKey;
import lab.like.metrics.aggregation.Counts;

/**
 * The full totals of one aggregate key as published on the compacted {@code kpi-aggregates} topic
 * (docs/schemas/kpi-aggregate.schema.json). {@code day} is null for the experiment-long totals; {@code version}
 * counts the events in the aggregate and only grows, so a writer keeps the highest one. The {@link Counts} are
 * written as top-level fields (unwrapped), where the record had them before {@code Counts} existed.
 */
public record AggregateMessage(
        int schemaVersion,
        String experimentId,
        String variant,
        String day,
        long version,
        @JsonUnwrapped Counts counts,
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
                t.counts(),
                t.medianDurationMs(),
                t.p90DurationMs(),
                t.durationSketch(),
                Instant.ofEpochMilli(t.lastEventTimestamp()),
                emittedAt);
    }
}

package lab.like.metrics.results;

import java.time.Instant;
import lab.like.metrics.aggregation.Counts;

/** The stored totals of one variant (over the whole experiment or one UTC day). */
public record VariantCounts(
        String variant,
        String day,
        long eventsCounted,
        Counts counts,
        Long medianDurationMs,
        Long p90DurationMs,
        Instant emittedAt) {

    public static VariantCounts empty(String variant) {
        return new VariantCounts(variant, null, 0, Counts.ZERO, null, null, null);
    }
}

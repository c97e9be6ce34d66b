package lab.like.metrics.results;

import java.time.Instant;

/** The stored totals of one variant (over the whole experiment or one UTC day). */
public record VariantCounts(
        String variant,
        String day,
        long eventsCounted,
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
        Instant emittedAt) {

    public static VariantCounts empty(String variant) {
        return new VariantCounts(variant, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null);
    }

    public Double meanScore() {
        return feedbackResponses == 0 ? null : (double) scoreSum / feedbackResponses;
    }
}

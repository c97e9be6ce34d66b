package lab.like.metrics.aggregation;

/**
 * The counters of one experiment variant (over the whole experiment or one UTC day): the distinct subjects,
 * starters, completers and abandoners (each subject once), and the plain totals of completions, digital
 * completions, feedback responses, satisfied responses (score 4 or 5) and the score sum. The one definition of
 * these fields: the state-store codec, the {@code kpi-aggregates} message, the MongoDB documents, the results
 * document and the daily rows all carry this value.
 */
public record Counts(
        long subjects,
        long starters,
        long completers,
        long abandoners,
        long completions,
        long digitalCompletions,
        long feedbackResponses,
        long satisfiedResponses,
        long scoreSum) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of counts over disjoint sets of subjects and events. */
    public Counts plus(Counts other) {
        return new Counts(
                subjects + other.subjects,
                starters + other.starters,
                completers + other.completers,
                abandoners + other.abandoners,
                completions + other.completions,
                digitalCompletions + other.digitalCompletions,
                feedbackResponses + other.feedbackResponses,
                satisfiedResponses + other.satisfiedResponses,
                scoreSum + other.scoreSum);
    }

    /** The mean feedback score; null without feedback. */
    public Double meanScore() {
        return feedbackResponses == 0 ? null : (double) scoreSum / feedbackResponses;
    }
}

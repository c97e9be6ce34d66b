package lab.like.metrics.results;

import java.util.List;
import lab.like.metrics.aggregation.ExperimentDefinition;

/** One treatment judged against the control: its primary comparison and the comparisons it is worse on. */
record TreatmentVerdict(
        String variant, Comparison primary, List<Comparison> worse, boolean winning, boolean sequential) {

    static TreatmentVerdict of(String variant, ExperimentDefinition experiment, List<Comparison> comparisons) {
        boolean sequential = experiment.sequentialTesting();
        Comparison primary = comparisons.stream()
                .filter(c -> c.variant().equals(variant) && c.kpi().equals(experiment.primaryKpi()))
                .findFirst()
                .orElse(null);
        List<Comparison> worse = comparisons.stream()
                .filter(c -> c.variant().equals(variant))
                .filter(c -> c.significantlyWorse(sequential, c == primary))
                .toList();
        boolean winning = worse.isEmpty() && primary != null && primary.significantlyBetter(sequential, true);
        return new TreatmentVerdict(variant, primary, worse, winning, sequential);
    }

    boolean harmful() {
        return !worse.isEmpty();
    }

    /** The primary KPI's value, lowest when unknown, for choosing the best treatment. */
    double primaryValue() {
        return primary == null || primary.treatment() == null ? Double.NEGATIVE_INFINITY : primary.treatment();
    }

    /** "simplified: completion rate +6.0 points, p = 0.004", with the decisive p-value. */
    String primaryEffect() {
        return Reasons.describe(primary, primary.decisivePValue(sequential, true));
    }

    /** Why this treatment is harmful, in a pilot team's words. */
    String harm() {
        boolean better = primary != null && primary.hasData() && primary.absoluteLift() > 0;
        List<String> parts = worse.stream()
                .map(c -> Reasons.lower(c, c.decisivePValue(sequential, c == primary)))
                .toList();
        return better
                ? variant + " is better on " + Reasons.kpi(primary.kpi()) + " but its "
                        + String.join(" and its ", parts)
                : variant + ": " + String.join("; ", parts);
    }
}

package lab.like.metrics.results;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Days until every variant has {@code minimumStarters} starters and the observed primary difference of some
 * treatment would be significant by the decisive test if it held: every count of the treatment and the control
 * grows by the same factor k (found by doubling, then bisection) at each variant's current starters per day.
 */
final class DecisionHorizon {

    private static final double MAX_FACTOR = 1e6;

    private final String control;
    private final List<Comparison> primaryComparisons;
    private final Map<String, VariantResult> variants;
    private final String primaryKpi;
    private final long minimumStarters;
    private final boolean sequentialTesting;
    private final int family;

    DecisionHorizon(
            String control,
            List<Comparison> primaryComparisons,
            List<VariantResult> variants,
            String primaryKpi,
            long minimumStarters,
            boolean sequentialTesting) {
        // the comparisons' control: the declared one, or the first variant when it is not declared
        this.control = variants.stream().anyMatch(v -> v.variant().equals(control))
                ? control
                : variants.get(0).variant();
        this.primaryComparisons = primaryComparisons;
        this.variants = variants.stream().collect(Collectors.toMap(VariantResult::variant, v -> v, (a, b) -> a));
        this.primaryKpi = primaryKpi;
        this.minimumStarters = minimumStarters;
        this.sequentialTesting = sequentialTesting;
        this.family = Math.max(
                1, (int) primaryComparisons.stream().filter(Comparison::hasData).count());
    }

    /** Null when a variant that still needs starters has none coming, or no treatment differs at all. */
    Long days(List<Progress.VariantProgress> progress) {
        Map<String, Double> rate = progress.stream()
                .collect(Collectors.toMap(Progress.VariantProgress::variant, Progress.VariantProgress::startersPerDay));
        double toMinimum = 0;
        for (var v : progress) {
            long missing = minimumStarters - v.starters();
            if (missing <= 0) continue;
            if (v.startersPerDay() == 0) return null;
            toMinimum = Math.max(toMinimum, missing / v.startersPerDay());
        }
        OptionalDouble toSignificance = primaryComparisons.stream()
                .filter(c -> c.hasData() && c.absoluteLift() != 0)
                .mapToDouble(c -> daysToSignificance(c, rate))
                .min();
        if (toSignificance.isEmpty() || Double.isInfinite(toSignificance.getAsDouble())) return null;
        return (long) Math.ceil(Math.max(toMinimum, toSignificance.getAsDouble()));
    }

    private double daysToSignificance(Comparison c, Map<String, Double> rate) {
        double k = factor(c);
        if (Double.isInfinite(k)) return k;
        double days = 0;
        for (String v : List.of(control, c.variant())) {
            double more = (k - 1) * variants.get(v).counts().starters();
            if (more <= 0) continue;
            if (rate.getOrDefault(v, 0.0) == 0) return Double.POSITIVE_INFINITY;
            days = Math.max(days, more / rate.get(v));
        }
        return days;
    }

    /** The smallest growth factor k >= 1 at which the comparison's decisive p-value is below 0.05. */
    private double factor(Comparison c) {
        Function<Double, Boolean> significant = k -> decisiveP(c, k) < Comparison.ALPHA;
        if (significant.apply(1.0)) return 1.0;
        double high = 2;
        while (!significant.apply(high)) {
            high *= 2;
            if (high > MAX_FACTOR) return Double.POSITIVE_INFINITY;
        }
        double low = high / 2;
        for (int i = 0; i < 30; i++) {
            double mid = (low + high) / 2;
            if (significant.apply(mid)) high = mid;
            else low = mid;
        }
        return high;
    }

    private double decisiveP(Comparison c, double k) {
        KpiEstimate control = variants.get(this.control).kpis().get(primaryKpi);
        KpiEstimate treatment = variants.get(c.variant()).kpis().get(primaryKpi);
        long nc = Math.round(control.denominator() * k);
        long nt = Math.round(treatment.denominator() * k);
        long xc = Math.min(nc, Math.round(control.numerator() * k));
        long xt = Math.min(nt, Math.round(treatment.numerator() * k));
        if (sequentialTesting) return ConfidenceSequence.of(xc, nc, xt, nt).pValue();
        // the Holm factor of the smallest p-value in the family: the one that would be decided first
        return Math.min(1.0, family * TwoProportions.pValue(xc, nc, xt, nt));
    }
}

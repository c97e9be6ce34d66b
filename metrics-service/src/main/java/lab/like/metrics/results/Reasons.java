package lab.like.metrics.results;

import java.util.List;
import java.util.Locale;
import lab.like.metrics.aggregation.ExperimentDefinition;

/** Wording of recommendation reasons: "completion rate +6.0 points, p = 0.004". */
final class Reasons {

    private Reasons() {}

    static String kpi(String kpi) {
        return switch (kpi) {
            case "digital_take_up" -> "digital take-up";
            default -> kpi.replace('_', ' ');
        };
    }

    static String p(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /** "simplified: completion rate +6.0 points, p = 0.004", with the p-value that decided. */
    static String describe(Comparison c, double p) {
        return String.format(
                Locale.ROOT, "%s: %s %+.1f points, %s", c.variant(), kpi(c.kpi()), c.absoluteLift() * 100, p(p));
    }

    /** "satisfaction is 8.0 points lower (p = 0.010)". */
    static String lower(Comparison c, double p) {
        return String.format(Locale.ROOT, "%s is %.1f points lower (%s)", kpi(c.kpi()), -c.absoluteLift() * 100, p(p));
    }

    /** "sample ratio mismatch: 61% of subjects in control where 50% was planned", for the most skewed variant. */
    static String srm(ExperimentDefinition experiment, List<VariantResult> variants) {
        long total = variants.stream().mapToLong(v -> v.counts().subjects()).sum();
        double weights = experiment.variants().stream()
                .mapToDouble(ExperimentDefinition.Variant::weight)
                .sum();
        String worst = null;
        double worstGap = -1;
        double observed = 0;
        double planned = 0;
        for (int i = 0; i < variants.size(); i++) {
            double share = (double) variants.get(i).counts().subjects() / total;
            double plan = experiment.variants().get(i).weight() / weights;
            if (Math.abs(share - plan) > worstGap) {
                worstGap = Math.abs(share - plan);
                worst = variants.get(i).variant();
                observed = share;
                planned = plan;
            }
        }
        return String.format(
                Locale.ROOT,
                "sample ratio mismatch: %.0f%% of subjects in %s where %.0f%% was planned; check the assignment",
                observed * 100,
                worst,
                planned * 100);
    }
}

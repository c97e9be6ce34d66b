package lab.like.metrics.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** API.md's decision rule, with reasons a pilot team can read. */
public record Recommendation(String outcome, List<String> reasons) {

    static Recommendation of(
            List<VariantResult> variants,
            String control,
            String primaryKpi,
            long minimumStarters,
            List<Comparison> comparisons,
            Srm srm) {
        List<String> reasons = new ArrayList<>();
        List<String> small = variants.stream()
                .filter(v -> v.starters() < minimumStarters)
                .map(v -> v.variant() + " has " + v.starters() + " of " + minimumStarters + " starters")
                .toList();
        if (!small.isEmpty()) {
            reasons.addAll(small);
            return new Recommendation("KEEP_RUNNING", reasons);
        }
        if (srm.mismatch()) {
            reasons.add(String.format(Locale.ROOT, "sample ratio mismatch (p=%.4f): check assignment", srm.pValue()));
        }
        Optional<Comparison> best = comparisons.stream()
                .filter(c -> c.kpi().equals(primaryKpi) && c.treatment() != null)
                .max(Comparator.comparingDouble(Comparison::treatment));
        if (best.isEmpty()) {
            reasons.add("no treatment has data on " + primaryKpi);
            return new Recommendation("ITERATE", reasons);
        }
        String bestVariant = best.get().variant();
        List<Comparison> guardrailsWorse = comparisons.stream()
                .filter(c -> c.variant().equals(bestVariant) && !c.kpi().equals(primaryKpi))
                .filter(Comparison::significantlyWorse)
                .toList();
        if (best.get().significantlyWorse() || !guardrailsWorse.isEmpty()) {
            if (best.get().significantlyWorse()) reasons.add(describe(best.get()));
            guardrailsWorse.forEach(c -> reasons.add("guardrail " + describe(c)));
            return new Recommendation("STOP", reasons);
        }
        Optional<Comparison> winner = comparisons.stream()
                .filter(c -> c.kpi().equals(primaryKpi))
                .filter(Comparison::significantlyBetter)
                .max(Comparator.comparingDouble(Comparison::treatment));
        if (winner.isPresent() && !srm.mismatch()) {
            reasons.add(describe(winner.get()));
            return new Recommendation("SCALE", reasons);
        }
        if (winner.isPresent()) {
            reasons.add(describe(winner.get()) + ", but an SRM forbids scaling");
        } else {
            reasons.add("no treatment is significantly better than " + control + " on " + primaryKpi + " (best: "
                    + describe(best.get()) + ")");
        }
        return new Recommendation("ITERATE", reasons);
    }

    private static String describe(Comparison c) {
        return String.format(
                Locale.ROOT,
                "%s %s %+.1f points (p=%.4f)",
                c.variant(),
                c.kpi(),
                c.absoluteLift() == null ? 0.0 : c.absoluteLift() * 100,
                c.pValue() == null ? 1.0 : c.pValue());
    }
}

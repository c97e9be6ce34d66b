package lab.like.metrics.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.like.metrics.aggregation.ExperimentDefinition;

/**
 * API.md's decision rule, per treatment: harmful when significantly worse than the control on the primary KPI
 * or any guardrail, winning when significantly better on the primary KPI and not harmful. {@code variant} is the
 * treatment to scale (SCALE), the most promising one that is not harmful (ITERATE), or null.
 */
public record Recommendation(Action outcome, String variant, List<String> reasons) {

    /** What API.md's decision rule recommends; SCALE and STOP are decisive (a team should decide now). */
    public enum Action {
        KEEP_RUNNING,
        SCALE,
        ITERATE,
        STOP;

        public boolean decisive() {
            return this == SCALE || this == STOP;
        }
    }

    static Recommendation of(
            ExperimentDefinition experiment,
            List<VariantResult> variants,
            long minimumStarters,
            List<Comparison> comparisons,
            Srm srm) {
        List<String> reasons = new ArrayList<>();
        if (srm.mismatch()) reasons.add(Reasons.srm(experiment, variants));
        List<String> small = variants.stream()
                .filter(v -> v.counts().starters() < minimumStarters)
                .map(v -> v.variant() + " has " + v.counts().starters() + " of the " + minimumStarters
                        + " starters needed")
                .toList();
        if (!small.isEmpty()) {
            reasons.addAll(0, small);
            return new Recommendation(Action.KEEP_RUNNING, null, reasons);
        }
        List<TreatmentVerdict> verdicts = variants.stream()
                .filter(v -> !v.variant().equals(experiment.controlVariant()))
                .map(v -> TreatmentVerdict.of(v.variant(), experiment, comparisons))
                .toList();
        Comparator<TreatmentVerdict> byPrimary = Comparator.comparingDouble(TreatmentVerdict::primaryValue);
        Optional<TreatmentVerdict> winner =
                verdicts.stream().filter(TreatmentVerdict::winning).max(byPrimary);
        verdicts.stream().filter(TreatmentVerdict::harmful).forEach(v -> reasons.add(v.harm()));
        if (winner.isPresent() && !srm.mismatch()) {
            reasons.add(0, winner.get().primaryEffect());
            return new Recommendation(Action.SCALE, winner.get().variant(), reasons);
        }
        if (!verdicts.isEmpty() && verdicts.stream().allMatch(TreatmentVerdict::harmful)) {
            return new Recommendation(Action.STOP, null, reasons);
        }
        Optional<TreatmentVerdict> promising = verdicts.stream()
                .filter(v -> !v.harmful() && v.primary() != null && v.primary().hasData())
                .max(byPrimary);
        if (winner.isPresent()) {
            reasons.add(winner.get().primaryEffect() + ", but the sample ratio mismatch forbids scaling");
        } else if (promising.isPresent()) {
            reasons.add("no treatment is significantly better on " + Reasons.kpi(experiment.primaryKpi())
                    + " yet; most promising: " + promising.get().primaryEffect());
        } else if (verdicts.stream().noneMatch(TreatmentVerdict::harmful)) {
            reasons.add("no treatment has data on " + Reasons.kpi(experiment.primaryKpi()) + " yet");
        }
        return new Recommendation(
                Action.ITERATE, promising.map(TreatmentVerdict::variant).orElse(null), reasons);
    }
}

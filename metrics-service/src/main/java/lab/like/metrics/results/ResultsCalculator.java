package lab.like.metrics.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lab.like.metrics.aggregation.ExperimentDefinition;

/**
 * The statistics engine's entry point, plain Java: an experiment's definition and its stored totals (whole
 * experiment and per UTC day) in, the results document out. No I/O, no clock of its own.
 */
public final class ResultsCalculator {

    static final long DEFAULT_MINIMUM_STARTERS = 100;

    private ResultsCalculator() {}

    /** Every declared variant appears, in declared order, with zero counts when nothing was counted yet. */
    public static Results calculate(
            ExperimentDefinition experiment, List<VariantCounts> totals, List<VariantCounts> daily, Instant now) {
        Map<String, VariantCounts> byVariant =
                totals.stream().collect(Collectors.toMap(VariantCounts::variant, Function.identity(), (a, b) -> a));
        List<VariantResult> variants = experiment.variants().stream()
                .map(v -> byVariant.getOrDefault(v.key(), VariantCounts.empty(v.key())))
                .map(c -> VariantResult.of(c, experiment.eligiblePopulation()))
                .toList();
        long events = totals.stream().mapToLong(VariantCounts::eventsCounted).sum();
        Instant asOf = totals.stream()
                .map(VariantCounts::emittedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(now);
        List<Comparison> comparisons = comparisons(experiment, variants);
        Srm srm = Srm.of(
                variants.stream().map(v -> v.counts().subjects()).toList(),
                experiment.variants().stream()
                        .map(ExperimentDefinition.Variant::weight)
                        .toList());
        long minimum = experiment.minimumStarters() == null ? DEFAULT_MINIMUM_STARTERS : experiment.minimumStarters();
        Recommendation recommendation = Recommendation.of(experiment, variants, minimum, comparisons, srm);
        DecisionHorizon horizon = new DecisionHorizon(
                experiment.controlVariant(),
                comparisons.stream()
                        .filter(c -> c.kpi().equals(experiment.primaryKpi()))
                        .toList(),
                variants,
                experiment.primaryKpi(),
                minimum,
                experiment.sequentialTesting());
        Progress progress =
                Progress.of(variants, daily, minimum, now.atZone(ZoneOffset.UTC).toLocalDate(), horizon);
        return new Results(
                experiment.id(),
                experiment.status(),
                experiment.primaryKpi(),
                experiment.sequentialTesting(),
                asOf,
                events,
                variants,
                comparisons,
                srm,
                recommendation,
                progress);
    }

    /**
     * One per non-control variant for the primary KPI and each guardrail KPI; the primary KPI's p-values are
     * Holm-adjusted over the treatments, the guardrails' are not.
     */
    static List<Comparison> comparisons(ExperimentDefinition experiment, List<VariantResult> variants) {
        VariantResult control = variants.stream()
                .filter(v -> v.variant().equals(experiment.controlVariant()))
                .findFirst()
                .orElse(variants.get(0));
        Set<String> kpis = new LinkedHashSet<>();
        kpis.add(experiment.primaryKpi());
        kpis.addAll(experiment.guardrailKpis());
        List<Comparison> out = new ArrayList<>();
        for (VariantResult treatment : variants) {
            if (treatment == control) continue;
            for (String kpi : kpis) {
                KpiEstimate c = control.kpis().get(kpi);
                KpiEstimate t = treatment.kpis().get(kpi);
                if (c != null && t != null) out.add(Comparison.of(treatment.variant(), kpi, c, t));
            }
        }
        return holm(out, experiment.primaryKpi());
    }

    private static List<Comparison> holm(List<Comparison> comparisons, String primaryKpi) {
        List<Integer> family = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            if (comparisons.get(i).kpi().equals(primaryKpi)
                    && comparisons.get(i).hasData()) family.add(i);
        }
        double[] adjusted = Holm.adjust(
                family.stream().mapToDouble(i -> comparisons.get(i).pValue()).toArray());
        List<Comparison> out = new ArrayList<>(comparisons);
        for (int j = 0; j < family.size(); j++) {
            out.set(family.get(j), comparisons.get(family.get(j)).withAdjustedPValue(adjusted[j]));
        }
        return out;
    }
}

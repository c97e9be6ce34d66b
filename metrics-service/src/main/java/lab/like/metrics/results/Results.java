package lab.like.metrics.results;

import java.time.Instant;
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

/** The results document of API.md. */
public record Results(
        String experimentId,
        String status,
        String primaryKpi,
        Instant asOf,
        long eventsCounted,
        List<VariantResult> variants,
        List<Comparison> comparisons,
        Srm srm,
        Recommendation recommendation) {

    static final long DEFAULT_MINIMUM_STARTERS = 100;

    /** Every declared variant appears, in declared order, with zero counts when nothing was counted yet. */
    public static Results of(ExperimentDefinition experiment, List<VariantCounts> totals, Instant now) {
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
                variants.stream().map(VariantResult::subjects).toList(),
                experiment.variants().stream()
                        .map(ExperimentDefinition.Variant::weight)
                        .toList());
        long minimum = experiment.minimumStarters() == null ? DEFAULT_MINIMUM_STARTERS : experiment.minimumStarters();
        Recommendation recommendation = Recommendation.of(
                variants, experiment.controlVariant(), experiment.primaryKpi(), minimum, comparisons, srm);
        return new Results(
                experiment.id(),
                experiment.status(),
                experiment.primaryKpi(),
                asOf,
                events,
                variants,
                comparisons,
                srm,
                recommendation);
    }

    /** One per non-control variant for the primary KPI and each guardrail KPI. */
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
                Kpi c = control.kpis().get(kpi);
                Kpi t = treatment.kpis().get(kpi);
                if (c != null && t != null) out.add(Comparison.of(treatment.variant(), kpi, c, t));
            }
        }
        return out;
    }
}

package lab.like.metrics.results;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import lab.like.metrics.aggregation.ExperimentDefinition;

/** The results document of API.md (counts and KPIs per variant). */
public record Results(
        String experimentId,
        String status,
        String primaryKpi,
        Instant asOf,
        long eventsCounted,
        List<VariantResult> variants) {

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
        return new Results(experiment.id(), experiment.status(), experiment.primaryKpi(), asOf, events, variants);
    }
}

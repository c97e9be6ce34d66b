package lab.like.metrics.results;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.like.metrics.aggregation.Counts;

/**
 * One variant in the results document (API.md). In JSON the counts are top-level fields and {@code scoreSum} is
 * left out ({@code meanScore} stands for it): results.web's {@code ResultsJson} says so.
 */
public record VariantResult(
        String variant,
        Counts counts,
        Double meanScore,
        Long medianDurationMs,
        Long p90DurationMs,
        Map<String, KpiEstimate> kpis) {

    static VariantResult of(VariantCounts v, Long eligiblePopulation) {
        Counts c = v.counts();
        Map<String, KpiEstimate> kpis = new LinkedHashMap<>();
        kpis.put("completion_rate", KpiEstimate.of(c.completers(), c.starters()));
        kpis.put("satisfaction", KpiEstimate.of(c.satisfiedResponses(), c.feedbackResponses()));
        kpis.put("digital_take_up", KpiEstimate.of(c.digitalCompletions(), c.completions()));
        if (eligiblePopulation != null) kpis.put("adoption_rate", KpiEstimate.of(c.subjects(), eligiblePopulation));
        return new VariantResult(v.variant(), c, c.meanScore(), v.medianDurationMs(), v.p90DurationMs(), kpis);
    }
}

package lab.like.metrics.results;

import java.util.LinkedHashMap;
import java.util.Map;

/** One variant in the results document (API.md). */
public record VariantResult(
        String variant,
        long subjects,
        long starters,
        long completers,
        long abandoners,
        long completions,
        long digitalCompletions,
        long feedbackResponses,
        long satisfiedResponses,
        Double meanScore,
        Long medianDurationMs,
        Long p90DurationMs,
        Map<String, Kpi> kpis) {

    static VariantResult of(VariantCounts c, Long eligiblePopulation) {
        Map<String, Kpi> kpis = new LinkedHashMap<>();
        kpis.put("completion_rate", Kpi.of(c.completers(), c.starters()));
        kpis.put("satisfaction", Kpi.of(c.satisfiedResponses(), c.feedbackResponses()));
        kpis.put("digital_take_up", Kpi.of(c.digitalCompletions(), c.completions()));
        if (eligiblePopulation != null) kpis.put("adoption_rate", Kpi.of(c.subjects(), eligiblePopulation));
        return new VariantResult(
                c.variant(),
                c.subjects(),
                c.starters(),
                c.completers(),
                c.abandoners(),
                c.completions(),
                c.digitalCompletions(),
                c.feedbackResponses(),
                c.satisfiedResponses(),
                c.meanScore(),
                c.medianDurationMs(),
                c.p90DurationMs(),
                kpis);
    }
}

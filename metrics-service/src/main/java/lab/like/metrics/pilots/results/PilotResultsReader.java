package lab.like.metrics.pilots.results;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.like.metrics.pilots.KpiPair;
import lab.like.metrics.pilots.KpiValue;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotResults;
import lab.like.metrics.results.KpiEstimate;
import lab.like.metrics.results.Recommendation;
import lab.like.metrics.results.Results;
import lab.like.metrics.results.VariantResult;
import lab.like.metrics.results.service.ResultsNotFoundException;
import lab.like.metrics.results.service.ResultsService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a pilot's results document says ({@link ResultsService}, computed from the aggregates). The caller
 * has already decided the pilot is visible, so the results are read with platform scope.
 */
@Component
public class PilotResultsReader {

    private final ResultsService results;

    PilotResultsReader(ResultsService results) {
        this.results = results;
    }

    public Mono<PilotResults> of(Pilot pilot) {
        return results.results(pilot.id(), ResultsService.ALL_ORGANISATIONS)
                .map(r -> results(pilot, r))
                // the definition has not reached the results side yet: nothing is known, which is not an error
                .onErrorResume(ResultsNotFoundException.class, e -> Mono.just(PilotResults.NONE));
    }

    static PilotResults results(Pilot pilot, Results results) {
        List<VariantResult> variants = results.variants();
        if (variants.isEmpty()) return PilotResults.NONE;
        VariantResult control = variants.stream()
                .filter(v -> v.variant().equals(pilot.controlVariant()))
                .findFirst()
                .orElse(variants.get(0));
        Optional<VariantResult> best = variants.stream()
                .filter(v -> v != control)
                .max(Comparator.comparingDouble(v -> primary(v, results.primaryKpi())));
        Map<String, KpiPair> kpis = new LinkedHashMap<>();
        control.kpis()
                .forEach((name, kpi) -> kpis.put(
                        name,
                        new KpiPair(
                                value(control.variant(), kpi),
                                best.map(b -> value(b.variant(), b.kpis().get(name)))
                                        .orElse(null))));
        Recommendation.Action recommendation = results.recommendation() == null
                ? null
                : results.recommendation().outcome();
        return new PilotResults(recommendation, best.map(VariantResult::variant).orElse(null), kpis);
    }

    // an absent value sorts lowest; of equal values max keeps the first declared
    private static double primary(VariantResult v, String kpi) {
        KpiEstimate k = v.kpis().get(kpi);
        return k == null || k.value() == null ? Double.NEGATIVE_INFINITY : k.value();
    }

    private static KpiValue value(String variant, KpiEstimate kpi) {
        if (kpi == null) return null;
        return new KpiValue(variant, kpi.value(), kpi.numerator(), kpi.denominator(), kpi.ci95());
    }
}

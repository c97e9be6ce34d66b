package lab.like.metrics.pilots;

import java.util.Map;
import lab.like.metrics.results.Recommendation;

/**
 * What a pilot's results say: the current recommendation (null when metrics-service has no results for it) and,
 * per KPI, the control and the best treatment (the treatment with the highest primary KPI value).
 */
public record PilotResults(Recommendation.Action recommendation, String bestTreatment, Map<String, KpiPair> kpis) {

    public static final PilotResults NONE = new PilotResults(null, null, Map.of());

    /** The primary KPI of the pilot, or null when unknown. */
    public KpiPair kpi(String name) {
        return kpis.get(name);
    }

    /** SCALE or STOP: a decision is due. */
    public boolean decisive() {
        return recommendation != null && recommendation.decisive();
    }
}

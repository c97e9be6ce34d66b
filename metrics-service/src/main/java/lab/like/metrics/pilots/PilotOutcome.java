package lab.like.metrics.pilots;

import java.util.Map;

/**
 * What the aggregates say about one pilot: the current recommendation (null when metrics-service has no results
 * for it) and, per KPI, the control and the best treatment (the treatment with the highest primary KPI value).
 */
public record PilotOutcome(String recommendation, String bestTreatment, Map<String, KpiPair> kpis) {

    public static final PilotOutcome NONE = new PilotOutcome(null, null, Map.of());

    /** The primary KPI of the pilot, or null when unknown. */
    public KpiPair kpi(String name) {
        return kpis.get(name);
    }
}

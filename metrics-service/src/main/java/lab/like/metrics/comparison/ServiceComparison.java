package lab.like.metrics.comparison;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.KpiPair;
import lab.like.metrics.pilots.Pilot;

/**
 * The document of {@code GET /api/v1/services/{service}/comparison}: per organisation (the caller's own first,
 * then the sharing ones by name), the pilots of the service it may see.
 */
public record ServiceComparison(
        String service, Instant asOf, long organisationCount, long experimentCount, List<Organisation> organisations) {

    /** {@code own}: the caller's organisation (its pilots appear shared or not). */
    public record Organisation(String organisation, boolean own, List<Experiment> experiments) {}

    /** One pilot: status, decision, and per KPI the control and the best treatment with intervals. */
    public record Experiment(
            String id,
            String name,
            ExperimentStatus status,
            Pilot.Decision decision,
            boolean sharedWithNetwork,
            Instant startedAt,
            Instant completedAt,
            String primaryKpi,
            String bestTreatment,
            Map<String, KpiPair> kpis) {}
}

package lab.like.metrics.results;

import java.time.Instant;
import java.util.List;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;

/** The results document of API.md ({@link ResultsCalculator} builds it). */
public record Results(
        String experimentId,
        ExperimentStatus status,
        String primaryKpi,
        boolean sequentialTesting,
        Instant asOf,
        long eventsCounted,
        List<VariantResult> variants,
        List<Comparison> comparisons,
        Srm srm,
        Recommendation recommendation,
        Progress progress) {

    /** The document from whole-experiment totals only (no daily rows, so no recent starters per day). */
    public static Results of(ExperimentDefinition experiment, List<VariantCounts> totals, Instant now) {
        return ResultsCalculator.calculate(experiment, totals, List.of(), now);
    }
}

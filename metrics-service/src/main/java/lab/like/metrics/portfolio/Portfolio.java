package lab.like.metrics.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.results.Recommendation;

/** The portfolio document of {@code GET /api/v1/portfolio} (organisation null: the whole network). */
public record Portfolio(
        String organisation,
        Instant asOf,
        long pilots,
        Map<String, Long> pilotsByStatus,
        Map<String, Long> decisions,
        DecisionTimes.Summary daysToDecision,
        List<IterationChains.Chain> iterationChains,
        List<Waiting> waitingForDecision,
        LearningRate.Summary learningRate) {

    /**
     * A running or paused pilot whose results recommend SCALE or STOP: running since {@code startedAt}; this
     * service first saw the recommendation at {@code recommendingSince} (null until the next gauge refresh).
     */
    public record Waiting(
            String id,
            String name,
            String service,
            ExperimentStatus status,
            Recommendation.Action recommendation,
            String bestTreatment,
            Instant startedAt,
            Double runningDays,
            Instant recommendingSince,
            Double waitingDays) {}
}

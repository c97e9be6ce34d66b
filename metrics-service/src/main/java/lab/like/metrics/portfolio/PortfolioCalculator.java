package lab.like.metrics.portfolio;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotResults;

/** Builds a portfolio from pilot records and their outcomes; plain Java, every figure exact. */
public final class PortfolioCalculator {

    private PortfolioCalculator() {}

    public static Portfolio of(
            String organisation,
            List<Pilot> pilots,
            Map<String, PilotResults> outcomes,
            Map<String, Instant> recommendingSince,
            Instant now) {
        return new Portfolio(
                organisation,
                now,
                pilots.size(),
                count(
                        ExperimentStatus.values(),
                        pilots.stream().map(Pilot::status).toList()),
                count(
                        Outcome.values(),
                        pilots.stream()
                                .map(Pilot::decision)
                                .filter(Objects::nonNull)
                                .map(Pilot.Decision::outcome)
                                .toList()),
                DecisionTimes.of(pilots),
                IterationChains.of(pilots, outcomes),
                waiting(pilots, outcomes, recommendingSince, now),
                LearningRate.of(pilots, now));
    }

    /** Active pilots whose recommendation is SCALE or STOP, the longest waiting first. */
    static List<Portfolio.Waiting> waiting(
            List<Pilot> pilots, Map<String, PilotResults> outcomes, Map<String, Instant> since, Instant now) {
        return pilots.stream()
                .filter(Pilot::active)
                .filter(p -> outcomes.getOrDefault(p.id(), PilotResults.NONE).decisive())
                .map(p -> {
                    PilotResults o = outcomes.get(p.id());
                    Instant from = since.get(p.id());
                    return new Portfolio.Waiting(
                            p.id(),
                            p.name(),
                            p.service(),
                            p.status(),
                            o.recommendation(),
                            o.bestTreatment(),
                            p.startedAt(),
                            Days.between(p.startedAt(), now),
                            from,
                            Days.between(from, now));
                })
                .sorted(Comparator.comparing(
                                Portfolio.Waiting::recommendingSince, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Portfolio.Waiting::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Portfolio.Waiting::id))
                .toList();
    }

    /** Every key appears by name, in declared order, with zero when absent. */
    static <E extends Enum<E>> Map<String, Long> count(E[] keys, List<E> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E key : keys) counts.put(key.name(), 0L);
        values.forEach(v -> counts.computeIfPresent(v.name(), (k, n) -> n + 1));
        return counts;
    }
}

package lab.like.metrics.portfolio;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotOutcome;

/** Builds a portfolio from pilot records and their outcomes; plain Java, every figure exact. */
final class PortfolioCalculator {

    static final List<String> STATUSES = List.of("DRAFT", "RUNNING", "PAUSED", "COMPLETED", "ARCHIVED");
    static final List<String> OUTCOMES = List.of("SCALE", "ITERATE", "STOP");
    static final Set<String> DECISIVE = Set.of("SCALE", "STOP");

    private PortfolioCalculator() {}

    static Portfolio of(
            String organisation,
            List<Pilot> pilots,
            Map<String, PilotOutcome> outcomes,
            Map<String, Instant> recommendingSince,
            Instant now) {
        return new Portfolio(
                organisation,
                now,
                pilots.size(),
                count(STATUSES, pilots.stream().map(Pilot::status).toList()),
                count(
                        OUTCOMES,
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
            List<Pilot> pilots, Map<String, PilotOutcome> outcomes, Map<String, Instant> since, Instant now) {
        return pilots.stream()
                .filter(Pilot::active)
                .filter(p -> DECISIVE.contains(
                        outcomes.getOrDefault(p.id(), PilotOutcome.NONE).recommendation()))
                .map(p -> {
                    PilotOutcome o = outcomes.get(p.id());
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

    /** Every key appears, in the given order, with zero when absent; unknown values are not counted. */
    static Map<String, Long> count(List<String> keys, List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        values.forEach(v -> counts.computeIfPresent(v, (k, n) -> n + 1));
        return counts;
    }
}

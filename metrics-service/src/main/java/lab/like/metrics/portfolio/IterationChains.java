package lab.like.metrics.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.KpiPair;
import lab.like.metrics.pilots.KpiValue;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotResults;

/**
 * Experiments linked by {@code iterationOf}, any depth: one chain per path from a first pilot (no predecessor
 * among the pilots) to a last one, so a pilot iterated twice in parallel starts two chains. Only chains of two
 * or more steps are listed. A cycle (refused at write by experiment-service) is never followed twice.
 */
final class IterationChains {

    /** A chain, first pilot first. */
    record Chain(String first, int length, List<Step> steps) {}

    /**
     * One pilot of a chain with its primary KPI for the control and the best treatment; {@code changeFromPrevious}
     * is the best treatment's value minus the previous step's (null when either is unknown).
     */
    record Step(
            String id,
            String name,
            ExperimentStatus status,
            Outcome decision,
            Instant startedAt,
            String primaryKpi,
            KpiValue control,
            KpiValue bestTreatment,
            Double changeFromPrevious,
            Boolean improvedOnPrevious) {}

    private static final Comparator<Pilot> ORDER = Comparator.comparing(
                    Pilot::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Pilot::id);

    private IterationChains() {}

    static List<Chain> of(List<Pilot> pilots, Map<String, PilotResults> outcomes) {
        Map<String, Pilot> byId = new HashMap<>();
        pilots.forEach(p -> byId.put(p.id(), p));
        Map<String, List<Pilot>> followUps = new HashMap<>();
        for (Pilot p : pilots) {
            if (p.iterationOf() != null
                    && byId.containsKey(p.iterationOf())
                    && !p.iterationOf().equals(p.id())) {
                followUps
                        .computeIfAbsent(p.iterationOf(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        List<Chain> chains = new ArrayList<>();
        pilots.stream()
                .filter(p -> p.iterationOf() == null || !byId.containsKey(p.iterationOf()))
                .filter(p -> followUps.containsKey(p.id()))
                .sorted(ORDER)
                .forEach(first -> walk(first, new ArrayList<>(), new HashSet<>(), followUps, outcomes, chains));
        return chains;
    }

    private static void walk(
            Pilot pilot,
            List<Step> path,
            Set<String> onPath,
            Map<String, List<Pilot>> followUps,
            Map<String, PilotResults> outcomes,
            List<Chain> chains) {
        path.add(step(pilot, path.isEmpty() ? null : path.get(path.size() - 1), outcomes));
        onPath.add(pilot.id());
        List<Pilot> next = followUps.getOrDefault(pilot.id(), List.of()).stream()
                .filter(p -> !onPath.contains(p.id()))
                .sorted(ORDER)
                .toList();
        if (next.isEmpty() && path.size() > 1) {
            chains.add(new Chain(path.get(0).id(), path.size(), List.copyOf(path)));
        }
        for (Pilot p : next) walk(p, path, onPath, followUps, outcomes, chains);
        path.remove(path.size() - 1);
        onPath.remove(pilot.id());
    }

    private static Step step(Pilot pilot, Step previous, Map<String, PilotResults> outcomes) {
        KpiPair kpi = outcomes.getOrDefault(pilot.id(), PilotResults.NONE).kpi(pilot.primaryKpi());
        KpiValue control = kpi == null ? null : kpi.control();
        KpiValue best = kpi == null ? null : kpi.bestTreatment();
        Double change = null;
        if (previous != null && value(best) != null && value(previous.bestTreatment()) != null) {
            change = value(best) - value(previous.bestTreatment());
        }
        return new Step(
                pilot.id(),
                pilot.name(),
                pilot.status(),
                pilot.decision() == null ? null : pilot.decision().outcome(),
                pilot.startedAt(),
                pilot.primaryKpi(),
                control,
                best,
                change,
                change == null ? null : change > 0);
    }

    private static Double value(KpiValue v) {
        return v == null ? null : v.value();
    }
}

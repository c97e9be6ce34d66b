package lab.like.metrics.comparison;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotResults;
import lab.like.metrics.pilots.results.PilotResultsReader;
import lab.like.metrics.pilots.store.PilotStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Compares the pilots of one service across organisations. Only the caller's own pilots and shared ones are
 * read from the database ({@link PilotStore#comparable}); nothing else reaches a count, an order or a timing.
 */
@Service
public class ComparisonService {

    private static final int CONCURRENCY = 4;
    private static final Comparator<Pilot> ORDER = Comparator.comparing(
                    Pilot::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Pilot::id);

    private final PilotStore pilots;
    private final PilotResultsReader outcomes;
    private final Clock clock;

    ComparisonService(PilotStore pilots, PilotResultsReader outcomes, Clock clock) {
        this.pilots = pilots;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** {@code organisation} null: an admin's view of every pilot of the service. */
    public Mono<ServiceComparison> compare(String service, String organisation) {
        return pilots.comparable(service, organisation)
                .sort(ORDER)
                .flatMapSequential(
                        p -> outcomes.of(p).map(o -> experiment(p, o)).map(e -> Map.entry(p, e)), CONCURRENCY)
                .collectList()
                .map(entries -> {
                    Map<String, List<ServiceComparison.Experiment>> byOrganisation = new TreeMap<>();
                    entries.forEach(e -> byOrganisation
                            .computeIfAbsent(e.getKey().organisation(), k -> new ArrayList<>())
                            .add(e.getValue()));
                    List<ServiceComparison.Organisation> organisations = byOrganisation.entrySet().stream()
                            .map(e -> new ServiceComparison.Organisation(
                                    e.getKey(), e.getKey().equals(organisation), List.copyOf(e.getValue())))
                            .sorted(Comparator.comparing((ServiceComparison.Organisation o) -> !o.own()))
                            .toList();
                    return new ServiceComparison(
                            service, clock.instant(), organisations.size(), entries.size(), organisations);
                });
    }

    private static ServiceComparison.Experiment experiment(Pilot p, PilotResults o) {
        return new ServiceComparison.Experiment(
                p.id(),
                p.name(),
                p.status(),
                p.decision(),
                p.sharedWithNetwork(),
                p.startedAt(),
                p.completedAt(),
                p.primaryKpi(),
                o.bestTreatment(),
                o.kpis());
    }
}

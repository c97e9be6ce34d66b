package lab.like.metrics.portfolio.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotResults;
import lab.like.metrics.pilots.results.PilotResultsReader;
import lab.like.metrics.pilots.store.PilotStore;
import lab.like.metrics.portfolio.Portfolio;
import lab.like.metrics.portfolio.PortfolioCalculator;
import lab.like.metrics.portfolio.store.RecommendationLog;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a portfolio from the {@code pilots} read model and the aggregates (one results document per active or
 * chained pilot, never events).
 */
@Service
public class PortfolioService {

    private static final int CONCURRENCY = 4;

    private final PilotStore pilots;
    private final PilotResultsReader outcomes;
    private final RecommendationLog log;
    private final Clock clock;

    PortfolioService(PilotStore pilots, PilotResultsReader outcomes, RecommendationLog log, Clock clock) {
        this.pilots = pilots;
        this.outcomes = outcomes;
        this.log = log;
        this.clock = clock;
    }

    /** The portfolio of one organisation, or of the whole network when {@code organisation} is null. */
    public Mono<Portfolio> portfolio(String organisation) {
        return pilots.ofOrganisation(organisation).collectList().flatMap(list -> {
            Set<String> parents = list.stream()
                    .map(Pilot::iterationOf)
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            List<Pilot> needed = list.stream()
                    .filter(p -> p.active() || p.iterationOf() != null || parents.contains(p.id()))
                    .toList();
            return outcomesOf(needed)
                    .zipWith(since(list))
                    .map(t -> PortfolioCalculator.of(
                            organisation, list, t.getT1(), sinceMatching(t.getT2(), t.getT1()), clock.instant()));
        });
    }

    /**
     * Per organisation, the figures the gauges show (chains left out), after logging each active pilot's
     * recommendation so that waiting times start when a decisive recommendation is first seen.
     */
    Mono<Map<String, Portfolio>> refreshAll() {
        Instant now = clock.instant();
        return pilots.ofOrganisation(null).collectList().flatMap(list -> {
            List<Pilot> active = list.stream().filter(Pilot::active).toList();
            return outcomesOf(active).flatMap(o -> Flux.fromIterable(active)
                    .concatMap(p -> log.observe(
                            p.id(), o.getOrDefault(p.id(), PilotResults.NONE).recommendation(), now))
                    .then(log.forget(list.stream()
                            .filter(p -> !p.active())
                            .map(Pilot::id)
                            .toList()))
                    .then(since(list))
                    .map(s -> {
                        Map<String, Instant> from = sinceMatching(s, o);
                        Map<String, Portfolio> byOrganisation = new HashMap<>();
                        list.stream()
                                .collect(Collectors.groupingBy(Pilot::organisation))
                                .forEach((org, own) ->
                                        byOrganisation.put(org, PortfolioCalculator.of(org, own, o, from, now)));
                        return byOrganisation;
                    }));
        });
    }

    private Mono<Map<String, PilotResults>> outcomesOf(List<Pilot> needed) {
        return Flux.fromIterable(needed)
                .flatMap(p -> outcomes.of(p).map(o -> Map.entry(p.id(), o)), CONCURRENCY)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Map<String, RecommendationLog.Observed>> since(List<Pilot> list) {
        return log.observed(list.stream().filter(Pilot::active).map(Pilot::id).toList());
    }

    /** An observation counts only while the pilot still recommends the same outcome. */
    private static Map<String, Instant> sinceMatching(
            Map<String, RecommendationLog.Observed> observed, Map<String, PilotResults> outcomes) {
        Map<String, Instant> since = new HashMap<>();
        observed.forEach((id, o) -> {
            PilotResults now = outcomes.get(id);
            if (now != null && o.outcome().equals(now.recommendation())) since.put(id, o.since());
        });
        return since;
    }
}

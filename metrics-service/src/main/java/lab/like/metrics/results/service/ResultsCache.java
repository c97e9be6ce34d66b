package lab.like.metrics.results.service;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.Results;
import lab.like.metrics.results.ResultsCalculator;
import lab.like.metrics.results.ResultsRenderer;
import lab.like.metrics.results.VariantCounts;
import lab.like.metrics.results.store.ResultsRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One results document per experiment in memory (Caffeine), never older than {@code cache-ttl}: read again in
 * the background after half of it, and waited for once it is over. Concurrent readers of an expired entry share
 * one load. Unknown experiments are remembered as absent for the same time. Nothing here is per caller.
 */
@Component
class ResultsCache {

    private final AsyncLoadingCache<String, Optional<Snapshot>> cache;
    private final ResultsRepository repository;
    private final ResultsRenderer renderer;
    private final Timer build;
    private final Clock clock;

    ResultsCache(
            ResultsRepository repository,
            ResultsRenderer renderer,
            ResultsProperties properties,
            MeterRegistry registry,
            Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.clock = clock;
        this.build = Timer.builder("likelab.metrics.results.latency")
                .description("time to read an experiment's aggregates and build and render its results document")
                .tag("view", "build")
                .register(registry);
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .refreshAfterWrite(properties.cacheTtl().dividedBy(2))
                .maximumSize(properties.cacheMaxExperiments())
                .recordStats()
                .buildAsync((id, executor) -> load(id));
        CaffeineCacheMetrics.monitor(registry, cache, "results");
    }

    Mono<Optional<Snapshot>> get(String experimentId) {
        return Mono.fromFuture(cache.get(experimentId), true);
    }

    private CompletableFuture<Optional<Snapshot>> load(String id) {
        Timer.Sample sample = Timer.start();
        return repository
                .experiment(id)
                .flatMap(e -> repository.aggregates(id).collectList().map(rows -> snapshot(e, rows)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnSuccess(s -> sample.stop(build))
                .toFuture();
    }

    private Snapshot snapshot(ExperimentDefinition experiment, List<VariantCounts> rows) {
        Instant now = clock.instant();
        List<VariantCounts> totals = rows.stream().filter(r -> r.day() == null).toList();
        List<VariantCounts> daily = rows.stream().filter(r -> r.day() != null).toList();
        Results results = ResultsCalculator.calculate(experiment, totals, daily, now);
        Instant dailyAsOf = daily.stream()
                .map(VariantCounts::emittedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(now);
        return new Snapshot(
                experiment.organisation(),
                experiment.version(),
                results,
                renderer.render(results),
                new DailyResults(
                        experiment.id(),
                        dailyAsOf,
                        daily.stream().map(DailyResults.Row::of).toList()));
    }
}

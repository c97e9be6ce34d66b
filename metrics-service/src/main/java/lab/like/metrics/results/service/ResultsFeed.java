package lab.like.metrics.results.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One change feed per experiment, shared by all its stream subscribers: it reads the cached document every
 * {@code stream.poll} (so the database is read once per cache period, whatever the number of subscribers),
 * passes on a document when it changed, replays the latest to a new subscriber, and stops when the last one
 * leaves.
 */
@Component
class ResultsFeed {

    private static final Logger log = LoggerFactory.getLogger(ResultsFeed.class);

    private final ResultsCache cache;
    private final ResultsProperties properties;
    private final Map<String, Flux<Snapshot>> feeds = new ConcurrentHashMap<>();

    private final AtomicInteger subscribers = new AtomicInteger();

    ResultsFeed(ResultsCache cache, ResultsProperties properties, MeterRegistry registry) {
        this.cache = cache;
        this.properties = properties;
        Gauge.builder("likelab.metrics.results.stream.feeds", feeds, Map::size)
                .description("experiments with a shared results change feed open")
                .register(registry);
        Gauge.builder("likelab.metrics.results.stream.subscribers", subscribers, AtomicInteger::get)
                .description("results streams open")
                .register(registry);
    }

    Flux<Snapshot> changes(String experimentId) {
        return Flux.defer(() -> feeds.computeIfAbsent(experimentId, this::feed))
                .doOnSubscribe(s -> subscribers.incrementAndGet())
                .doFinally(signal -> subscribers.decrementAndGet());
    }

    private Flux<Snapshot> feed(String experimentId) {
        return Flux.interval(properties.stream().poll())
                .onBackpressureDrop()
                .concatMap(tick -> cache.get(experimentId).onErrorResume(e -> {
                    // one failed read must not end every subscriber's stream: the next tick reads again
                    log.warn("reading results of {} for its stream failed: {}", experimentId, e.toString());
                    return Mono.empty();
                }))
                .flatMapIterable(found -> found.stream().toList())
                .distinctUntilChanged(Snapshot::changeKey)
                .doFinally(signal -> feeds.remove(experimentId))
                .replay(1)
                .refCount();
    }
}

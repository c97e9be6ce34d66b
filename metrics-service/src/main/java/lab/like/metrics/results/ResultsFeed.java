package lab.like.metrics.results;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    ResultsFeed(ResultsCache cache, ResultsProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    Flux<Snapshot> changes(String experimentId) {
        return feeds.computeIfAbsent(experimentId, this::feed);
    }

    /** How many experiments have a feed right now. */
    int open() {
        return feeds.size();
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

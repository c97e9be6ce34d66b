package lab.like.metrics.results.service;

import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.Results;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Results and daily counts of one experiment, visible only to its organisation (or {@code *}), served from
 * {@link ResultsCache}; the organisation is checked on every read against the cached experiment's own.
 */
@Service
public class ResultsService {

    public static final String ALL_ORGANISATIONS = "*";

    private final ResultsCache cache;
    private final ResultsFeed feed;

    ResultsService(ResultsCache cache, ResultsFeed feed) {
        this.cache = cache;
        this.feed = feed;
    }

    /** The results document; {@link ResultsNotFoundException} when unknown or another organisation's. */
    public Mono<Results> results(String experimentId, String organisation) {
        return visible(experimentId, organisation).map(Snapshot::results);
    }

    /** The results document as the API's JSON bytes (a copy of the cached rendering), tenancy as {@link #results}. */
    public Mono<byte[]> resultsJson(String experimentId, String organisation) {
        return visible(experimentId, organisation).map(s -> s.resultsJson().clone());
    }

    public Mono<DailyResults> daily(String experimentId, String organisation) {
        return visible(experimentId, organisation).map(Snapshot::daily);
    }

    /**
     * The document now and whenever it changes, from the experiment's shared change feed; fails with {@link
     * ResultsNotFoundException} before the first document when the caller may not see it.
     */
    public Flux<Results> changes(String experimentId, String organisation) {
        return visible(experimentId, organisation)
                .flatMapMany(first -> Flux.concat(Mono.just(first), feed.changes(experimentId)))
                .takeWhile(s -> s.visibleTo(organisation))
                .distinctUntilChanged(Snapshot::changeKey)
                .map(Snapshot::results);
    }

    private Mono<Snapshot> visible(String experimentId, String organisation) {
        return cache.get(experimentId)
                .flatMap(Mono::justOrEmpty)
                .filter(s -> s.visibleTo(organisation))
                .switchIfEmpty(Mono.error(ResultsNotFoundException::new));
    }
}

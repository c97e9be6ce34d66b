package lab.like.experiment.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lab.like.experiment.config.LikeLabProperties;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Read-through cache of experiment definitions for the hot paths (assignment, ingestion). Entries live for
 * {@code likelab.cache.ttl} (1s), and local changes evict at once, so a status change is seen within the TTL.
 */
@Component
public class ExperimentLookup {

    private static final int MAX_ENTRIES = 10_000;

    private final ExperimentRepository repository;
    private final Clock clock;
    private final Duration ttl;
    private final Map<ExperimentId, Entry> entries = new ConcurrentHashMap<>();

    ExperimentLookup(ExperimentRepository repository, Clock clock, LikeLabProperties props) {
        this.repository = repository;
        this.clock = clock;
        this.ttl = props.cache().ttl();
    }

    /** The experiment, if it exists (tenancy is the caller's job). */
    public Mono<Optional<Experiment>> find(ExperimentId id) {
        Instant now = clock.instant();
        Entry entry = entries.get(id);
        if (entry != null && entry.expires().isAfter(now)) {
            return Mono.just(entry.experiment());
        }
        return repository
                .findById(id)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(found -> {
                    if (entries.size() >= MAX_ENTRIES) {
                        entries.clear();
                    }
                    entries.put(id, new Entry(found, now.plus(ttl)));
                });
    }

    void evict(ExperimentId id) {
        entries.remove(id);
    }

    private record Entry(Optional<Experiment> experiment, Instant expires) {}
}

package lab.like.experiment.registry.messaging;

import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The experiments whose current definition still has to be published. */
public interface Outbox {

    Flux<ExperimentId> pending(int limit);

    Mono<Long> countPending();

    /** The current definition, if a publication of it is pending. */
    Mono<Experiment> findIfPending(ExperimentId id);

    /** The current definition, pending or not. */
    Mono<Experiment> findCurrent(ExperimentId id);

    /** Clears the marker only if it still names {@code version}: a newer change stays pending. */
    Mono<Boolean> markPublished(ExperimentId id, long version);
}

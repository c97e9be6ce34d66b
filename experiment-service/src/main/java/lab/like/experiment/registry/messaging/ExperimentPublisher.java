package lab.like.experiment.registry.messaging;

import lab.like.experiment.registry.domain.ExperimentId;
import reactor.core.publisher.Mono;

/** Puts one experiment definition on the compacted {@code experiments} topic, keyed by its id. */
interface ExperimentPublisher {

    /** Completes once the broker has acknowledged the record (acks=all); fails if it has not, in time. */
    Mono<Void> publish(ExperimentId id, byte[] definition);
}

package lab.like.experiment.registry;

import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ListCursor;
import lab.like.experiment.registry.domain.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of experiments with optimistic locking on {@code version}. */
public interface ExperimentRepository {

    Mono<Experiment> insert(Experiment experiment);

    Mono<Experiment> findById(ExperimentId id);

    /** Replaces the stored experiment if its version is still {@code expectedVersion}; false on a lost race. */
    Mono<Boolean> replace(Experiment next, long expectedVersion);

    /**
     * Newest first by (createdAt, id), at most {@code limit}, strictly after {@code after} (null: from the newest);
     * null filters match everything ({@code organisation} null: every organisation).
     */
    Flux<Experiment> list(String organisation, Status status, String service, ListCursor after, int limit);

    Flux<ExperimentId> iterationsOf(ExperimentId id);
}

package lab.like.experiment.registry.persistence;

import java.time.Instant;
import lab.like.experiment.registry.Decision;
import lab.like.experiment.registry.Experiment;
import lab.like.experiment.registry.ExperimentId;
import lab.like.experiment.registry.ExperimentSpec;
import lab.like.experiment.registry.Status;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored experiment. {@code pendingPublication} is the outbox: the version still to be published to the
 * {@code experiments} topic, written in the same single-document update as the change itself.
 */
@Document(ExperimentDocument.COLLECTION)
record ExperimentDocument(
        @Id String id,
        String organisation,
        ExperimentSpec spec,
        Status status,
        Decision decision,
        String salt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        long version,
        Long pendingPublication) {

    static final String COLLECTION = "experiments";
    static final String PENDING = "pendingPublication";

    static ExperimentDocument pending(Experiment e) {
        return new ExperimentDocument(
                e.id().value(),
                e.organisation(),
                e.spec(),
                e.status(),
                e.decision(),
                e.salt(),
                e.createdAt(),
                e.updatedAt(),
                e.startedAt(),
                e.completedAt(),
                e.version(),
                e.version());
    }

    Experiment toExperiment() {
        return new Experiment(
                new ExperimentId(id),
                organisation,
                spec,
                status,
                decision,
                salt,
                createdAt,
                updatedAt,
                startedAt,
                completedAt,
                version);
    }
}

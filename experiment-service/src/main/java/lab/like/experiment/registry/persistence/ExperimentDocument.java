package lab.like.experiment.registry.persistence;

import java.time.Instant;
import java.util.List;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.HistoryEntry;
import lab.like.experiment.registry.domain.LegacyHistory;
import lab.like.experiment.registry.domain.Status;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored experiment. {@code pendingPublication} is the outbox: the version still to be published to the
 * {@code experiments} topic; {@code history} is every change so far. Both are written in the same
 * single-document replace as the change itself, so no change is stored without its entry and its publication.
 * A document stored before histories existed has none: it is read with {@link LegacyHistory}'s reconstruction.
 */
@Document(ExperimentDocument.COLLECTION)
record ExperimentDocument(
        @Id String id,
        String organisation,
        SpecDocument spec,
        Status status,
        Decision decision,
        String salt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        long version,
        List<HistoryEntry> history,
        Long pendingPublication) {

    static final String COLLECTION = "experiments";
    static final String PENDING = "pendingPublication";

    static ExperimentDocument pending(Experiment e) {
        return new ExperimentDocument(
                e.id().value(),
                e.organisation(),
                SpecDocument.of(e.spec()),
                e.status(),
                e.decision(),
                e.salt(),
                e.createdAt(),
                e.updatedAt(),
                e.startedAt(),
                e.completedAt(),
                e.version(),
                e.history(),
                e.version());
    }

    Experiment toExperiment() {
        return LegacyHistory.ensure(new Experiment(
                new ExperimentId(id),
                organisation,
                spec.toSpec(),
                status,
                decision,
                salt,
                createdAt,
                updatedAt,
                startedAt,
                completedAt,
                version,
                history == null ? List.of() : history));
    }
}

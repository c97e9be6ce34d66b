package lab.like.experiment.registry.domain;

import java.time.Instant;
import java.util.UUID;

/** What a lifecycle transition caused, in the past tense. */
public sealed interface ExperimentEvent {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    ExperimentId experimentId();

    default int schemaVersion() {
        return SCHEMA_VERSION;
    }

    record ExperimentStarted(UUID eventId, Instant occurredAt, ExperimentId experimentId) implements ExperimentEvent {}

    record ExperimentPaused(UUID eventId, Instant occurredAt, ExperimentId experimentId) implements ExperimentEvent {}

    record ExperimentCompleted(UUID eventId, Instant occurredAt, ExperimentId experimentId, Decision decision)
            implements ExperimentEvent {}

    record ExperimentArchived(UUID eventId, Instant occurredAt, ExperimentId experimentId) implements ExperimentEvent {}
}

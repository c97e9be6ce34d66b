package lab.like.experiment.ingestion.domain;

import java.time.Instant;

/** Value of the {@code usage-events} topic: validated, assigned and pseudonymised (CONTRACTS.md). */
public record UsageEventRecord(
        int schemaVersion,
        String eventId,
        String experimentId,
        String subjectHash,
        String variant,
        String type,
        String channel,
        Instant occurredAt,
        Long durationMs,
        Integer score,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;
}

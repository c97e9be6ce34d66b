package lab.like.experiment.ingestion.domain;

import java.time.Instant;
import java.util.List;

/**
 * One element of a {@code POST /api/v1/events} batch as read from JSON: each field typed, null when absent or
 * unreadable, with the violations the reading found (unknown fields, wrong types, sizes, values outside their
 * set, an unparseable {@code occurredAt}). {@link EventRules} adds the rules that need the experiment or the clock.
 *
 * @param object false when the element was not a JSON object (every other field is then null)
 * @param scoreGiven whether a non-null {@code score} was sent at all (valid or not)
 * @param sentEventId the {@code eventId} as sent when it is at least a string, clipped, to name a rejection
 */
public record SubmittedEvent(
        boolean object,
        String eventId,
        String experimentId,
        String subjectId,
        String variant,
        String type,
        String channel,
        Instant occurredAt,
        Long durationMs,
        Long score,
        boolean scoreGiven,
        String sentEventId,
        List<Violation> readViolations) {

    public SubmittedEvent {
        readViolations = List.copyOf(readViolations);
    }

    public static SubmittedEvent notAnObject() {
        return new SubmittedEvent(false, null, null, null, null, null, null, null, null, null, false, null, List.of());
    }
}

package lab.like.metrics.aggregation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A validated, pseudonymised usage event with its variant resolved: what the counters see. */
public record CountableEvent(
        String eventId,
        String experimentId,
        String subjectHash,
        String variant,
        EventType type,
        Channel channel,
        Instant occurredAt,
        Long durationMs,
        Integer score) {

    public LocalDate day() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }
}

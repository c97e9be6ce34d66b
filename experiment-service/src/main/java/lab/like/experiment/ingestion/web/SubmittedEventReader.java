package lab.like.experiment.ingestion.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab.like.experiment.ingestion.domain.EventRules;
import lab.like.experiment.ingestion.domain.RejectReason;
import lab.like.experiment.ingestion.domain.SubmittedEvent;
import lab.like.experiment.ingestion.domain.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads one element of an event batch from the JSON tree into a typed {@link SubmittedEvent}, strictly (no
 * coercion: {@code {"$gt": ""}} is a wrong type, never a query), collecting every reading violation with its
 * CONTRACTS.md code. Events are read one by one, not bound as a list of records, because a bad event must never
 * sink the batch: each is answered on its own, with metrics-service's reason codes and messages.
 */
public final class SubmittedEventReader {

    private final JsonNode event;
    private final List<Violation> violations = new ArrayList<>();

    private SubmittedEventReader(JsonNode event) {
        this.event = event;
    }

    /** The batch's events, or null when the body is not a JSON array. */
    public static List<SubmittedEvent> readBatch(JsonNode batch) {
        if (batch == null || !batch.isArray()) {
            return null;
        }
        List<SubmittedEvent> events = new ArrayList<>(batch.size());
        batch.forEach(e -> events.add(read(e)));
        return events;
    }

    public static SubmittedEvent read(JsonNode event) {
        if (event == null || !event.isObject()) {
            return SubmittedEvent.notAnObject();
        }
        return new SubmittedEventReader(event).read();
    }

    private SubmittedEvent read() {
        for (String field : event.propertyNames()) {
            if (!EventRules.FIELDS.contains(field)) {
                violation(RejectReason.UNKNOWN_FIELD, "unknown field '" + EventRules.clip(field) + "'");
            }
        }
        String eventId = string("eventId", true, 100);
        String experimentId = string("experimentId", true, 200);
        String subjectId = string("subjectId", true, 200);
        String variant = string("variant", false, 100);
        String type = oneOf("type", true, EventRules.TYPES);
        String channel = oneOf("channel", false, EventRules.CHANNELS);
        Instant occurredAt = occurredAt();
        Long durationMs = integer("durationMs", 0, EventRules.MAX_DURATION_MS);
        Long score = integer("score", 1, 5);
        return new SubmittedEvent(
                true,
                eventId,
                experimentId,
                subjectId,
                variant,
                type,
                channel,
                occurredAt,
                durationMs,
                score,
                present("score"),
                sentEventId(),
                violations);
    }

    private boolean present(String field) {
        JsonNode value = event.get(field);
        return value != null && !value.isNull();
    }

    private String string(String field, boolean required, int max) {
        if (!present(field)) {
            if (required) {
                violation(RejectReason.INVALID_FIELD, field + " is required");
            }
            return null;
        }
        JsonNode value = event.get(field);
        if (!value.isString()
                || value.stringValue().isEmpty()
                || value.stringValue().length() > max) {
            violation(RejectReason.INVALID_FIELD, field + " must be a string of 1 to " + max + " characters");
            return null;
        }
        return value.stringValue();
    }

    private String oneOf(String field, boolean required, Set<String> allowed) {
        String value = string(field, required, 40);
        if (value != null && !allowed.contains(value)) {
            violation(
                    RejectReason.INVALID_FIELD,
                    field + " '" + EventRules.clip(value) + "' is not one of "
                            + allowed.stream().sorted().toList());
            return null;
        }
        return value;
    }

    private Long integer(String field, long min, long max) {
        if (!present(field)) {
            return null;
        }
        JsonNode value = event.get(field);
        if (!value.isIntegralNumber()
                || !value.canConvertToLong()
                || value.longValue() < min
                || value.longValue() > max) {
            violation(RejectReason.INVALID_FIELD, field + " must be an integer from " + min + " to " + max);
            return null;
        }
        return value.longValue();
    }

    private Instant occurredAt() {
        String text = string("occurredAt", true, 64);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            violation(
                    RejectReason.INVALID_FIELD,
                    "occurredAt must be an ISO-8601 UTC instant such as 2026-11-27T10:00:00Z");
            return null;
        }
    }

    /** The eventId as sent, if it is at least a string, to name the event in a rejection. */
    private String sentEventId() {
        JsonNode value = event.get("eventId");
        return value != null && value.isString() ? EventRules.clip(value.stringValue()) : null;
    }

    private void violation(RejectReason code, String message) {
        violations.add(new Violation(code, message));
    }
}

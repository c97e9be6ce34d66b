package lab.like.experiment.ingestion;

import java.util.List;
import java.util.Set;
import lab.like.experiment.ingestion.EventRules.Violation;
import tools.jackson.databind.JsonNode;

/** Strict typed reads of one event's fields, collecting violations in a developer's words. */
final class EventReader {

    private final JsonNode event;
    private final List<Violation> violations = EventRules.none();

    EventReader(JsonNode event) {
        this.event = event;
    }

    boolean present(String field) {
        JsonNode value = event.get(field);
        return value != null && !value.isNull();
    }

    String string(String field, boolean required, int max) {
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

    String oneOf(String field, boolean required, Set<String> allowed) {
        String value = string(field, required, 40);
        if (value != null && !allowed.contains(value)) {
            violation(
                    RejectReason.INVALID_FIELD,
                    field + " '" + clip(value) + "' is not one of "
                            + allowed.stream().sorted().toList());
            return null;
        }
        return value;
    }

    Long integer(String field, long min, long max) {
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

    /** The eventId as sent, if it is at least a string, to name the event in a rejection. */
    String rawEventId() {
        JsonNode value = event.get("eventId");
        return value != null && value.isString() ? clip(value.stringValue()) : null;
    }

    void violation(RejectReason code, String message) {
        violations.add(new Violation(code, message));
    }

    List<Violation> violations() {
        return violations;
    }

    static String clip(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}

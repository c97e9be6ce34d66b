package lab.like.metrics.aggregation.json;

import lab.like.metrics.aggregation.RawEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a usage event: unknown fields skipped, no tree. A flat object of ASCII strings without escapes,
 * integers and nulls (what every e-service and experiment-service send) is scanned directly from the bytes;
 * anything else (escapes, non-ASCII text, nested values, booleans, fractions, leading zeros, malformed input)
 * goes to Jackson's streaming parser, which decides. Both give the same result for every input the scanner
 * accepts.
 */
public final class RawEventReader {

    private final JsonMapper json;

    public RawEventReader(JsonMapper json) {
        this.json = json;
    }

    /** The event's fields; null when the JSON is not an object. Throws on malformed JSON. */
    public RawEvent read(byte[] bytes) throws JacksonException {
        RawEvent scanned = FlatEventScanner.scan(bytes);
        return scanned != null ? scanned : readWithJackson(bytes);
    }

    /** The same as {@link #read}, always through Jackson. */
    RawEvent readWithJackson(byte[] bytes) throws JacksonException {
        try (JsonParser p = json.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                if (f.internalField == null && RawEvent.INTERNAL_FIELDS.contains(name)) f.internalField = name;
                JsonToken value = p.nextToken();
                switch (name) {
                    case "eventId" -> f.eventId = string(p, value);
                    case "experimentId" -> f.experimentId = string(p, value);
                    case "subjectId" -> f.subjectId = string(p, value);
                    case "subjectHash" -> f.subjectHash = string(p, value);
                    case "variant" -> f.variant = string(p, value);
                    case "type" -> f.type = string(p, value);
                    case "channel" -> f.channel = string(p, value);
                    case "occurredAt" -> f.occurredAt = string(p, value);
                    case "durationMs" -> {
                        f.durationMs = number(p, value);
                        f.badDuration = value != JsonToken.VALUE_NULL && f.durationMs == null;
                    }
                    case "score" -> {
                        f.score = number(p, value);
                        f.badScore = value != JsonToken.VALUE_NULL && f.score == null;
                    }
                    case "schemaVersion", "receivedAt" -> p.skipChildren();
                    default -> {
                        if (f.unknownField == null) f.unknownField = name;
                        p.skipChildren();
                    }
                }
            }
            while (p.nextToken() != null) {
                // drain: malformed trailing content fails here, as it does for a tree read
            }
            return new RawEvent(
                    f.eventId,
                    f.experimentId,
                    f.subjectId,
                    f.subjectHash,
                    f.variant,
                    f.type,
                    f.channel,
                    f.occurredAt,
                    f.durationMs,
                    f.badDuration,
                    f.score,
                    f.badScore,
                    f.unknownField,
                    f.internalField);
        }
    }

    private static String string(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) return p.getString();
        if (value == JsonToken.VALUE_NULL) return null;
        p.skipChildren();
        return RawEvent.NOT_A_STRING;
    }

    private static Long number(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG
                || value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }

    private static final class Fields {
        String eventId;
        String experimentId;
        String subjectId;
        String subjectHash;
        String variant;
        String type;
        String channel;
        String occurredAt;
        Long durationMs;
        boolean badDuration;
        Long score;
        boolean badScore;
        String unknownField;
        String internalField;
    }
}

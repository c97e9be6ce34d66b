package lab.like.metrics.aggregation.json;

import java.nio.charset.StandardCharsets;
import lab.like.metrics.aggregation.RawEvent;

/**
 * The fast path of {@link RawEventReader}: scans a flat JSON object whose strings are ASCII without escapes and
 * whose values are strings, integers of at most 18 digits or null. Returns null for anything else, which the
 * caller then hands to Jackson, so this class never has to decide about unusual or malformed input.
 */
final class FlatEventScanner {

    private static final int UNKNOWN = 0;
    private static final int EVENT_ID = 1;
    private static final int EXPERIMENT_ID = 2;
    private static final int SUBJECT_ID = 3;
    private static final int SUBJECT_HASH = 4;
    private static final int VARIANT = 5;
    private static final int TYPE = 6;
    private static final int CHANNEL = 7;
    private static final int OCCURRED_AT = 8;
    private static final int DURATION_MS = 9;
    private static final int SCORE = 10;
    private static final int SCHEMA_VERSION = 11;
    private static final int RECEIVED_AT = 12;
    private static final byte[][] NAMES = {
        null,
        ascii("eventId"),
        ascii("experimentId"),
        ascii("subjectId"),
        ascii("subjectHash"),
        ascii("variant"),
        ascii("type"),
        ascii("channel"),
        ascii("occurredAt"),
        ascii("durationMs"),
        ascii("score"),
        ascii("schemaVersion"),
        ascii("receivedAt")
    };

    private FlatEventScanner() {}

    static RawEvent scan(byte[] b) {
        int n = b.length;
        int i = skipWhitespace(b, 0);
        if (i >= n || b[i] != '{') return null;
        String[] strings = new String[OCCURRED_AT + 1];
        Long durationMs = null;
        boolean badDuration = false;
        Long score = null;
        boolean badScore = false;
        String unknownField = null;
        String internalField = null;
        i = skipWhitespace(b, i + 1);
        if (i < n && b[i] == '}') {
            i++;
        } else {
            while (true) {
                if (i >= n || b[i] != '"') return null;
                int nameEnd = stringEnd(b, i + 1);
                if (nameEnd < 0) return null;
                int field = field(b, i + 1, nameEnd);
                if (field == UNKNOWN && unknownField == null) {
                    unknownField = new String(b, i + 1, nameEnd - i - 1, StandardCharsets.ISO_8859_1);
                } else if (internalField == null && (field == SUBJECT_HASH || field >= SCHEMA_VERSION)) {
                    internalField = new String(NAMES[field], StandardCharsets.ISO_8859_1);
                }
                i = skipWhitespace(b, nameEnd + 1);
                if (i >= n || b[i] != ':') return null;
                i = skipWhitespace(b, i + 1);
                if (i >= n) return null;
                byte c = b[i];
                String text = null;
                Long number = null;
                boolean isString = false;
                boolean isNull = false;
                if (c == '"') {
                    int end = stringEnd(b, i + 1);
                    if (end < 0) return null;
                    if (field != UNKNOWN && field <= OCCURRED_AT) {
                        text = new String(b, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                    }
                    isString = true;
                    i = end + 1;
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    boolean negative = c == '-';
                    if (negative) i++;
                    int digitsStart = i;
                    long value = 0;
                    while (i < n && b[i] >= '0' && b[i] <= '9') {
                        value = value * 10 + (b[i] - '0');
                        i++;
                    }
                    int digits = i - digitsStart;
                    if (digits == 0 || digits > 18) return null;
                    if (b[digitsStart] == '0' && digits > 1) return null;
                    if (i < n && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) return null;
                    number = negative ? -value : value;
                } else if (c == 'n' && i + 3 < n && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
                    isNull = true;
                    i += 4;
                } else {
                    return null;
                }
                switch (field) {
                    case UNKNOWN, SCHEMA_VERSION, RECEIVED_AT -> {}
                    case DURATION_MS -> {
                        durationMs = number;
                        badDuration = isString;
                    }
                    case SCORE -> {
                        score = number;
                        badScore = isString;
                    }
                    default -> strings[field] = isString ? text : isNull ? null : RawEvent.NOT_A_STRING;
                }
                i = skipWhitespace(b, i);
                if (i >= n) return null;
                if (b[i] == ',') {
                    i = skipWhitespace(b, i + 1);
                } else if (b[i] == '}') {
                    i++;
                    break;
                } else {
                    return null;
                }
            }
        }
        if (skipWhitespace(b, i) != n) return null;
        return new RawEvent(
                strings[EVENT_ID],
                strings[EXPERIMENT_ID],
                strings[SUBJECT_ID],
                strings[SUBJECT_HASH],
                strings[VARIANT],
                strings[TYPE],
                strings[CHANNEL],
                strings[OCCURRED_AT],
                durationMs,
                badDuration,
                score,
                badScore,
                unknownField,
                internalField);
    }

    /** Index of the closing quote; -1 at an escape, a control or non-ASCII byte, or the end of input. */
    private static int stringEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            byte c = b[i];
            if (c == '"') return i;
            if (c == '\\' || c < 0x20) return -1; // negative bytes (non-ASCII) are below 0x20 too
        }
        return -1;
    }

    private static int field(byte[] b, int from, int to) {
        int length = to - from;
        for (int f = 1; f < NAMES.length; f++) {
            byte[] name = NAMES[f];
            if (name.length == length && java.util.Arrays.equals(b, from, to, name, 0, length)) return f;
        }
        return UNKNOWN;
    }

    private static int skipWhitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
        return i;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

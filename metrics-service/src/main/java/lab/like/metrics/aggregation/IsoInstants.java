package lab.like.metrics.aggregation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast path for the common {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} form (what {@code Instant.toString()}
 * writes); everything else goes to Instant.parse.
 */
final class IsoInstants {

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoInstants() {}

    /** The instant, or null when the text is not exactly that form (the caller then parses it fully). */
    static Instant parseSimple(String t) {
        int length = t.length();
        if (length < 20 || length > 30 || length == 21 || !separatorsAt(t, length)) return null;
        int nanos = 0;
        if (length > 20) {
            if (t.charAt(19) != '.') return null;
            int fraction = digits(t, 20, length - 21);
            if (fraction < 0) return null;
            nanos = fraction * POWERS[9 - (length - 21)];
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay(); // throws DateTimeException when invalid
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    private static boolean separatorsAt(String t, int length) {
        return t.charAt(4) == '-'
                && t.charAt(7) == '-'
                && t.charAt(10) == 'T'
                && t.charAt(13) == ':'
                && t.charAt(16) == ':'
                && t.charAt(length - 1) == 'Z';
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

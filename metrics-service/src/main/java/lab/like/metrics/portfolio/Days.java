package lab.like.metrics.portfolio;

import java.time.Duration;
import java.time.Instant;

/** Durations in days, to one decimal (a day is 86,400 seconds). */
final class Days {

    private Days() {}

    static double exact(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    static Double between(Instant from, Instant to) {
        if (from == null || to == null) return null;
        return round(exact(from, to));
    }

    static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}

package lab.like.metrics.pilots;

import java.util.Optional;

/** The decision a team takes when it completes a pilot (experiment-service's {@code Outcome}, same meaning). */
public enum Outcome {
    SCALE,
    ITERATE,
    STOP;

    /** Empty for a value that is none of these. */
    public static Optional<Outcome> parse(String text) {
        for (Outcome outcome : values()) {
            if (outcome.name().equals(text)) return Optional.of(outcome);
        }
        return Optional.empty();
    }
}

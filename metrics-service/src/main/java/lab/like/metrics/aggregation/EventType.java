package lab.like.metrics.aggregation;

import java.util.Optional;

/** The usage event types of API.md. */
public enum EventType {
    EXPOSURE,
    START,
    COMPLETE,
    ABANDON,
    FEEDBACK;

    static Optional<EventType> parse(String text) {
        return switch (text) {
            case "exposure" -> Optional.of(EXPOSURE);
            case "start" -> Optional.of(START);
            case "complete" -> Optional.of(COMPLETE);
            case "abandon" -> Optional.of(ABANDON);
            case "feedback" -> Optional.of(FEEDBACK);
            default -> Optional.empty();
        };
    }
}

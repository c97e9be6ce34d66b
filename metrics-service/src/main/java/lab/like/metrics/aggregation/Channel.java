package lab.like.metrics.aggregation;

import java.util.Optional;

/** Where the citizen acted; web and app are digital. */
public enum Channel {
    WEB,
    APP,
    PHONE,
    COUNTER,
    MAIL;

    boolean digital() {
        return this == WEB || this == APP;
    }

    static Optional<Channel> parse(String text) {
        return switch (text) {
            case "web" -> Optional.of(WEB);
            case "app" -> Optional.of(APP);
            case "phone" -> Optional.of(PHONE);
            case "counter" -> Optional.of(COUNTER);
            case "mail" -> Optional.of(MAIL);
            default -> Optional.empty();
        };
    }
}

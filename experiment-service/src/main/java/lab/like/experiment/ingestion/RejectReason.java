package lab.like.experiment.ingestion;

import java.util.Locale;

/** The bounded set of rejection causes, used as the {@code reason} tag of the rejected-events counter. */
public enum RejectReason {
    NOT_AN_OBJECT,
    UNKNOWN_FIELD,
    INVALID_FIELD,
    UNKNOWN_EXPERIMENT,
    NOT_RUNNING,
    UNKNOWN_VARIANT,
    OUT_OF_WINDOW;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package lab.like.experiment.ingestion.domain;

import java.util.Locale;

/**
 * The bounded set of rejection causes, used as the {@code reason} tag of the rejected-events counter; the tags
 * are CONTRACTS.md's reason codes, spelled as metrics-service spells them in {@code likelab-dlt-reason}.
 */
public enum RejectReason {
    NOT_AN_OBJECT,
    UNKNOWN_FIELD,
    INVALID_FIELD,
    UNKNOWN_EXPERIMENT,
    NOT_RUNNING,
    UNKNOWN_VARIANT,
    OUT_OF_WINDOW;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package lab.like.metrics.aggregation;

/**
 * Why an event went to the dead-letter topic; a small fixed set, so it can tag a meter. The codes and their
 * precedence (the first that applies is the reason) are CONTRACTS.md's, shared with experiment-service's
 * HTTP rules and pinned by {@code docs/event-rules-cases.json}.
 */
public enum RejectReason {
    MALFORMED("malformed"),
    NOT_AN_OBJECT("not-an-object"),
    UNKNOWN_FIELD("unknown-field"),
    INVALID_FIELD("invalid-field"),
    KEY_MISMATCH("key-mismatch"),
    UNKNOWN_EXPERIMENT("unknown-experiment"),
    FOREIGN_EXPERIMENT("foreign-experiment"),
    NOT_RUNNING("not-running"),
    UNKNOWN_VARIANT("unknown-variant"),
    OUT_OF_WINDOW("out-of-window");

    private final String tag;

    RejectReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}

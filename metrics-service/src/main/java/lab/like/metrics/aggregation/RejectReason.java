package lab.like.metrics.aggregation;

/** Why an event went to the dead-letter topic; a small fixed set, so it can tag a meter. */
public enum RejectReason {
    MALFORMED("malformed"),
    INVALID_FIELD("invalid-field"),
    KEY_MISMATCH("key-mismatch"),
    UNKNOWN_EXPERIMENT("unknown-experiment"),
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

package lab.like.metrics.aggregation;

/** The outcome of checking one event against the API.md rules. */
public sealed interface Verdict {

    record Accepted(CountableEvent event) implements Verdict {}

    record Rejected(RejectReason reason, String detail) implements Verdict {

        /** The text of the {@code likelab-dlt-reason} header. */
        public String header() {
            return reason.tag() + ": " + detail;
        }
    }

    static Verdict reject(RejectReason reason, String detail) {
        return new Rejected(reason, detail);
    }
}

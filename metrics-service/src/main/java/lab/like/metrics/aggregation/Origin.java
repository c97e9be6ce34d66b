package lab.like.metrics.aggregation;

/**
 * Where an event came from, which decides what the rules trust: the internal topic (written only by
 * experiment-service, so its pseudonymised form is allowed) or an organisation's topic (API.md's event only, and
 * the experiment must be that organisation's). {@code pseudonymised} marks an organisation event that this
 * service itself parked after replacing its {@code subjectId} by the hash.
 */
public record Origin(String organisation, boolean pseudonymised) {

    public static final Origin INTERNAL = new Origin(null, true);

    public static Origin organisation(String organisation) {
        return new Origin(organisation, false);
    }

    /** The same origin for the event once parked, pseudonymised. */
    public Origin parked() {
        return new Origin(organisation, true);
    }

    boolean allowsInternalFields() {
        return pseudonymised;
    }
}

package lab.like.metrics.web;

/** A request that did not come through the gateway (no verified internal token). */
public class MissingOrganisationException extends RuntimeException {

    public MissingOrganisationException() {
        super("missing organisation header", null, false, false);
    }
}

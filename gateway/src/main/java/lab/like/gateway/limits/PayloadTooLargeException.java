package lab.like.gateway.limits;

/** A streamed request body (no {@code Content-Length}) grew past the configured maximum. */
public final class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes", null, false, false);
    }
}

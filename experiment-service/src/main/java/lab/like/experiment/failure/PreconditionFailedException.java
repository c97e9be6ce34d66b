package lab.like.experiment.failure;

/** The request's precondition ({@code If-Match}) no longer holds (a 412). */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}

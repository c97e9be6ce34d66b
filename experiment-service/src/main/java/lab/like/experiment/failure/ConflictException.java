package lab.like.experiment.failure;

/** The current state does not allow the request (a 409, not invalid input). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}

package lab.like.experiment.failure;

/** The request did not come through the gateway (no verified internal token). */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String detail) {
        super(detail);
    }
}

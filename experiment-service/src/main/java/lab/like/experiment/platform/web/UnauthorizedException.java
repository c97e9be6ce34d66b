package lab.like.experiment.platform.web;

/** The request did not come through the gateway (no verified internal token). */
class UnauthorizedException extends RuntimeException {

    UnauthorizedException(String detail) {
        super(detail);
    }
}

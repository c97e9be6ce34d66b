package lab.like.experiment.platform.web;

/** The request did not come through the gateway (no organisation header). */
class UnauthorizedException extends RuntimeException {

    UnauthorizedException(String detail) {
        super(detail);
    }
}

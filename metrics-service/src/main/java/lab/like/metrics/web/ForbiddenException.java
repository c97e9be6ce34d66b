package lab.like.metrics.web;

/** The caller is known but may not do this (403); the message is written for the caller. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}

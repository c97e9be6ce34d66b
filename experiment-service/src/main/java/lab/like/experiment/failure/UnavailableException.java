package lab.like.experiment.failure;

import java.time.Duration;

/** A dependency (Kafka) is down; the client should retry after {@code retryAfter}. */
public class UnavailableException extends RuntimeException {

    private final transient Duration retryAfter;

    public UnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

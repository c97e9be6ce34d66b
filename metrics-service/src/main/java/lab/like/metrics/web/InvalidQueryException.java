package lab.like.metrics.web;

import java.util.List;

/** A request whose query or path parameters are invalid (400 with {@code errors: [{field, message}]}). */
public class InvalidQueryException extends RuntimeException {

    /** One invalid parameter and why, in words for the caller. */
    public record FieldError(String field, String message) {}

    private final transient List<FieldError> errors;

    public InvalidQueryException(List<FieldError> errors) {
        super("invalid request parameters", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package lab.like.experiment.failure;

import java.util.List;

/** Input that breaks one or more rules; each broken rule names its field. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this("Invalid " + error.field() + ": " + error.message(), List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package lab.like.experiment.failure;

/** One invalid input field and why it is invalid. */
public record FieldError(String field, String message) {}

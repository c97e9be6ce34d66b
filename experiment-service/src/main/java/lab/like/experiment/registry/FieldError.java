package lab.like.experiment.registry;

/** One invalid input field and why it is invalid. */
public record FieldError(String field, String message) {}

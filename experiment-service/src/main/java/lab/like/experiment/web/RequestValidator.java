package lab.like.experiment.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.like.experiment.failure.FieldError;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of bound request records, as {@link FieldError}s: one error per field (a value that is both
 * too long and not a slug is named once, for its length, as a reader would fix it), none for a field that
 * could not be bound at all (its binding error says why).
 */
@Component
public class RequestValidator {

    /** Which constraint speaks for a field when several fail: presence, then size, then the rest. */
    private static final List<String> PRECEDENCE = List.of("NotNull", "NotBlank", "Size", "Positive", "Pattern");

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** The constraint violations of {@code request}, skipping {@code bindingErrors}' fields and what is inside them. */
    public List<FieldError> violations(Object request, List<FieldError> bindingErrors) {
        List<ConstraintViolation<Object>> found = new ArrayList<>(validator.validate(request));
        found.sort(Comparator.comparingInt(RequestValidator::precedence));
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (ConstraintViolation<Object> v : found) {
            String field = v.getPropertyPath().toString();
            if (bindingErrors.stream().noneMatch(e -> within(field, e.field()))) {
                byField.putIfAbsent(field, new FieldError(field, v.getMessage()));
            }
        }
        return List.copyOf(byField.values());
    }

    /** Whether {@code field} is {@code outer} or lies inside it ({@code variants[0].key} inside {@code variants}). */
    public static boolean within(String field, String outer) {
        return field.equals(outer) || outer.isEmpty() || field.startsWith(outer + ".") || field.startsWith(outer + "[");
    }

    private static int precedence(ConstraintViolation<?> v) {
        Class<? extends Annotation> type =
                v.getConstraintDescriptor().getAnnotation().annotationType();
        int at = PRECEDENCE.indexOf(type.getSimpleName());
        return at < 0 ? PRECEDENCE.size() : at;
    }
}

package lab.like.experiment.web;

import java.util.ArrayList;
import java.util.List;
import lab.like.experiment.failure.FieldError;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A request body bound to the record {@code T}, with every field that could not be bound: a value of the wrong
 * type (never coerced) or an unknown field. Binding goes on past a bad field (the field is left null), so one
 * answer names every bad field; {@link RequestValidator} adds the Bean Validation constraints.
 *
 * @param value the bound record; null when the body was not a JSON object
 * @param errors the fields that could not be bound, in document order
 */
@JsonDeserialize(using = Bound.Deserializer.class)
public record Bound<T>(T value, List<FieldError> errors) {

    public Bound {
        errors = List.copyOf(errors);
    }

    /** Reads {@code T} with a {@link BindingErrors} collector in the context (see {@link StrictJson}). */
    static final class Deserializer extends ValueDeserializer<Bound<?>> {

        private final JavaType type;

        Deserializer() {
            this(null);
        }

        private Deserializer(JavaType type) {
            this.type = type;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JavaType bound = property != null ? property.getType() : ctxt.getContextualType();
            return new Deserializer(bound.containedType(0));
        }

        /** A body that is JSON {@code null} is not an object either. */
        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            OnWrongType message = type == null ? null : type.getRawClass().getAnnotation(OnWrongType.class);
            String text = message != null ? message.value() : "the body must be a JSON object";
            return new Bound<>(null, List.of(new FieldError("", text)));
        }

        @Override
        public Bound<?> deserialize(JsonParser p, DeserializationContext ctxt) {
            BindingErrors errors = new BindingErrors(type.getRawClass(), new ArrayList<>());
            ctxt.setAttribute(BindingErrors.class, errors);
            try {
                Object value = ctxt.readValue(p, type);
                return new Bound<>(value, errors.list());
            } finally {
                ctxt.setAttribute(BindingErrors.class, null);
            }
        }
    }
}

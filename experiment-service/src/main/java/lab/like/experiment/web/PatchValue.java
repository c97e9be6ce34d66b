package lab.like.experiment.web;

import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One field of a JSON merge patch (RFC 7396): absent (keep the current value), {@code null} (remove it, so the
 * create default applies) or a new value. Java's null cannot tell the first two apart; this type does.
 */
@JsonDeserialize(using = PatchValue.Deserializer.class)
public sealed interface PatchValue<T> {

    /** The field is not in the patch. */
    record Absent<T>() implements PatchValue<T> {}

    /** The patch sets the field to {@code null}. */
    record Removed<T>() implements PatchValue<T> {}

    /** The patch sets the field to {@code value} (null only when the value had the wrong type: see {@link Bound}). */
    record Set<T>(T value) implements PatchValue<T> {}

    @SuppressWarnings("unchecked")
    static <T> PatchValue<T> absent() {
        return (PatchValue<T>) ABSENT;
    }

    PatchValue<?> ABSENT = new Absent<>();

    /** The value after the patch: {@code current} when absent, null when removed, else the new value. */
    default T applyTo(T current) {
        if (this instanceof Set<T> set) {
            return set.value();
        }
        return this instanceof Removed<T> ? null : current;
    }

    default <R> PatchValue<R> map(Function<T, R> f) {
        if (this instanceof Set<T> set) {
            return new Set<>(set.value() == null ? null : f.apply(set.value()));
        }
        @SuppressWarnings("unchecked")
        PatchValue<R> same = (PatchValue<R>) this;
        return same;
    }

    /** Absent when the property is missing, {@link Removed} on {@code null}, else the value read as {@code T}. */
    final class Deserializer extends ValueDeserializer<PatchValue<?>> {

        private final JavaType type;

        Deserializer() {
            this(null);
        }

        private Deserializer(JavaType type) {
            this.type = type;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JavaType field = property != null ? property.getType() : ctxt.getContextualType();
            return new Deserializer(field.containedType(0));
        }

        @Override
        public PatchValue<?> deserialize(JsonParser p, DeserializationContext ctxt) {
            return new Set<>(ctxt.readValue(p, type));
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return new Removed<>();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return ABSENT;
        }
    }
}

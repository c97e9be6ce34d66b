package lab.like.experiment.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict reading of request bodies (registered on the application's JSON mapper): a string, an integer and a
 * boolean are read only from their own JSON type (no coercion, so {@code "50"} is not a number and
 * {@code {"$gt": ""}} is not a string), and unknown fields are rejected by name. While a {@link Bound} body is
 * read, each such problem is recorded as a field error and binding goes on (the value is left null), so one answer
 * names every bad field; outside a {@code Bound} body they fail the read as Jackson's own errors do.
 */
public final class StrictJson extends SimpleModule {

    public StrictJson() {
        super("likelab-strict-json");
        addDeserializer(
                String.class,
                new Scalar<>(String.class, "must be a string", JsonToken.VALUE_STRING, p -> p.getString()));
        addDeserializer(Boolean.class, new Scalar<>(Boolean.class, "must be true or false", null, StrictJson::bool));
        addDeserializer(
                Integer.class,
                new Scalar<>(Integer.class, "must be an integer", JsonToken.VALUE_NUMBER_INT, StrictJson::integer));
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addHandler(new Handler());
    }

    private static Boolean bool(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    /** An integer that fits an {@code int}; a larger one is as wrong as a fraction. */
    private static Integer integer(JsonParser p) {
        return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
    }

    /** Records a wrong value at the parser's position; false outside a {@link Bound} body. */
    static boolean recordWrongType(JsonParser p, DeserializationContext ctxt, String fallback) {
        BindingErrors errors = (BindingErrors) ctxt.getAttribute(BindingErrors.class);
        if (errors == null) {
            return false;
        }
        String path = BindingErrors.path(p);
        errors.add(path, errors.messageFor(path, fallback));
        p.skipChildren();
        return true;
    }

    private static final class Scalar<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final String message;
        private final JsonToken token;
        private final Function<JsonParser, T> read;

        Scalar(Class<T> type, String message, JsonToken token, Function<JsonParser, T> read) {
            this.type = type;
            this.message = message;
            this.token = token;
            this.read = read;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            T value = token == null || p.currentToken() == token ? read.apply(p) : null;
            if (value != null) {
                return value;
            }
            if (recordWrongType(p, ctxt, message)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            T failed = (T) ctxt.handleUnexpectedToken(type, p);
            return failed;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }

    /** Unknown fields and values of the wrong shape for a record or a list, while a {@link Bound} body is read. */
    private static final class Handler extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser p,
                ValueDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName) {
            BindingErrors errors = (BindingErrors) ctxt.getAttribute(BindingErrors.class);
            if (errors == null) {
                return false;
            }
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            errors.add(BindingErrors.path(p), "unknown field; allowed fields are " + allowed(type, deserializer));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(
                DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg) {
            return recordWrongType(p, ctxt, "has the wrong type") ? null : NOT_HANDLED;
        }

        @Override
        public Object handleMissingInstantiator(
                DeserializationContext ctxt,
                Class<?> instClass,
                ValueInstantiator valueInsta,
                JsonParser p,
                String msg) {
            return recordWrongType(p, ctxt, "has the wrong type") ? null : NOT_HANDLED;
        }

        private static List<String> allowed(Class<?> type, ValueDeserializer<?> deserializer) {
            Collection<String> names = new TreeSet<>();
            if (type.isRecord()) {
                Arrays.stream(type.getRecordComponents()).forEach(c -> names.add(c.getName()));
            } else {
                deserializer.getKnownPropertyNames().forEach(n -> names.add(n.toString()));
            }
            return List.copyOf(names);
        }
    }
}

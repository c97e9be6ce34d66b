package lab.like.experiment.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lab.like.experiment.failure.FieldError;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;

/**
 * The fields of one request body that could not be bound, kept in the deserialization context while
 * {@link Bound} reads it. Paths are spelled as in the problem document: {@code variants[0].weight}.
 */
record BindingErrors(Class<?> root, List<FieldError> list) {

    void add(String path, String message) {
        list.add(new FieldError(path, message));
    }

    /** The path of the value the parser is at (for a structure's start token: the structure itself). */
    static String path(JsonParser p) {
        TokenStreamContext context = p.streamReadContext();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                parts.add(c.currentName());
            }
        }
        Collections.reverse(parts);
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!part.startsWith("[") && path.length() > 0) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /**
     * The wrong-type message for {@code path}: the {@link OnWrongType} of the record component it names (its
     * {@code element} for a list element), of the root record for the empty path, else {@code fallback}.
     */
    String messageFor(String path, String fallback) {
        if (path.isEmpty()) {
            OnWrongType own = root.getAnnotation(OnWrongType.class);
            return own != null ? own.value() : fallback;
        }
        Type type = root;
        OnWrongType found = null;
        boolean element = false;
        for (String segment : path.replace("[", ".[").split("\\.")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("[")) {
                type = type instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : Object.class;
                element = true;
                continue;
            }
            Class<?> record = raw(type);
            RecordComponent component = component(record, segment);
            if (component == null) {
                return fallback;
            }
            found = component.getAccessor().getAnnotation(OnWrongType.class);
            element = false;
            type = unwrap(component.getGenericType());
        }
        if (found == null) {
            return fallback;
        }
        return element ? found.element() : found.value();
    }

    private static RecordComponent component(Class<?> record, String name) {
        if (!record.isRecord()) {
            return null;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** A {@link PatchValue} field is typed by what it holds. */
    private static Type unwrap(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == PatchValue.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}

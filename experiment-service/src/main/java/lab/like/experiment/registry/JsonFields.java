package lab.like.experiment.registry;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Strict typed reads from a JSON tree, collecting one {@link FieldError} per bad field (no coercion). */
final class JsonFields {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    void rejectUnknown(Set<String> allowed) {
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                error(
                        field,
                        "unknown field; allowed fields are "
                                + allowed.stream().sorted().toList());
            }
        }
    }

    boolean present(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    String string(String field, boolean required, int min, int max) {
        if (!present(field)) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isString()) {
            error(field, "must be a string");
            return null;
        }
        String text = value.stringValue();
        if (text.length() < min || text.length() > max) {
            error(field, "must be " + min + " to " + max + " characters long");
            return null;
        }
        return text;
    }

    String slug(String field, boolean required) {
        String text = string(field, required, 1, 63);
        if (text != null && !SLUG.matcher(text).matches()) {
            error(field, "must be a slug: lowercase letters, digits and '-', starting with a letter or digit");
            return null;
        }
        return text;
    }

    Integer positiveInt(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            error(field, "must be a positive integer");
            return null;
        }
        return value.intValue();
    }

    Boolean bool(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }
}

package lab.like.metrics.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/** Strict query parameters: only the named ones, each at most once, slugs where a slug is expected. */
public final class QueryParameters {

    /** API.md's slug, the form of organisation and service names. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** 400 naming each parameter that is unknown, repeated or (for the named slug parameters) not a slug. */
    public static QueryParameters of(MultiValueMap<String, String> query, Set<String> slugs) {
        List<InvalidQueryException.FieldError> errors = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        query.forEach((name, list) -> {
            if (!slugs.contains(name)) {
                errors.add(new InvalidQueryException.FieldError(name, "unknown parameter"));
            } else if (list.size() != 1) {
                errors.add(new InvalidQueryException.FieldError(name, "given more than once"));
            } else if (list.get(0) == null || !SLUG.matcher(list.get(0)).matches()) {
                errors.add(new InvalidQueryException.FieldError(name, "must match " + SLUG.pattern()));
            } else {
                values.put(name, list.get(0));
            }
        });
        if (!errors.isEmpty()) throw new InvalidQueryException(errors);
        return new QueryParameters(Map.copyOf(values));
    }

    /** The value, or null when absent. */
    public String get(String name) {
        return values.get(name);
    }

    /** 400 naming {@code field} unless {@code value} is a slug. */
    public static String slug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidQueryException(
                    List.of(new InvalidQueryException.FieldError(field, "must match " + SLUG.pattern())));
        }
        return value;
    }
}

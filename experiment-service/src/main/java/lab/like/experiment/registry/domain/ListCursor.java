package lab.like.experiment.registry.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;

/**
 * Position in the newest-first experiment list: the (createdAt, id) of the last item served. Keyset paging on
 * that pair, not skipping, so inserts between two pages neither repeat nor hide an item. Opaque to clients: the
 * URL-safe Base64 of {@code <createdAt>|<id>}.
 */
public record ListCursor(Instant createdAt, ExperimentId id) {

    private static final String SEPARATOR = "|";

    public static ListCursor after(Experiment last) {
        return new ListCursor(last.createdAt(), last.id());
    }

    public String encode() {
        String plain = createdAt + SEPARATOR + id.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; a value this service did not issue is an {@link InvalidInputException} on {@code cursor}. */
    public static ListCursor decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int at = plain.indexOf(SEPARATOR);
            if (at < 1 || at == plain.length() - 1) {
                throw invalid();
            }
            return new ListCursor(Instant.parse(plain.substring(0, at)), new ExperimentId(plain.substring(at + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(
                new FieldError("cursor", "is not a cursor from this list: pass the 'next' value of a previous page"));
    }
}

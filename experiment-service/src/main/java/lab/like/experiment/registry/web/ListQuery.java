package lab.like.experiment.registry.web;

import java.util.List;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.registry.domain.ExperimentPage;
import lab.like.experiment.registry.domain.ListCursor;
import lab.like.experiment.registry.domain.Status;

/** The query parameters of the experiment list, read strictly: a bad value is a 400 naming its parameter. */
record ListQuery(Status status, String service, ListCursor cursor, int limit) {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";

    static ListQuery of(String status, String service, String cursor, String limit) {
        return new ListQuery(status(status), service(service), ListCursor.decode(cursor), limit(limit));
    }

    private static Status status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new FieldError("status", "must be one of " + List.of(Status.values())));
        }
    }

    private static String service(String value) {
        if (value != null && !value.matches(SLUG)) {
            throw new InvalidInputException(new FieldError("service", "must be a service slug"));
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return ExperimentPage.DEFAULT_LIMIT;
        }
        FieldError invalid = new FieldError(
                "limit",
                "must be an integer from 1 to " + ExperimentPage.MAX_LIMIT + " (default " + ExperimentPage.DEFAULT_LIMIT
                        + ")");
        if (!value.matches("[0-9]{1,4}")) {
            throw new InvalidInputException(invalid);
        }
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > ExperimentPage.MAX_LIMIT) {
            throw new InvalidInputException(invalid);
        }
        return limit;
    }
}

package lab.like.experiment.registry.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import lab.like.experiment.registry.Decision;
import lab.like.experiment.registry.FieldError;
import lab.like.experiment.registry.InvalidInputException;
import lab.like.experiment.registry.Outcome;
import tools.jackson.databind.JsonNode;

/** Reads the body of {@code /complete}: {@code {"outcome": "SCALE|ITERATE|STOP", "rationale": "..."}}. */
final class DecisionParser {

    private DecisionParser() {}

    static Decision parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(new FieldError("", "the body must be a JSON object"));
        }
        body.propertyNames().stream()
                .filter(f -> !Set.of("outcome", "rationale").contains(f))
                .forEach(f -> errors.add(new FieldError(f, "unknown field; allowed fields are [outcome, rationale]")));
        JsonNode outcome = body.get("outcome");
        List<String> outcomes =
                Arrays.stream(Outcome.values()).map(Outcome::name).toList();
        if (outcome == null || !outcome.isString() || !outcomes.contains(outcome.stringValue())) {
            errors.add(new FieldError("outcome", "is required: one of " + outcomes));
        }
        JsonNode rationale = body.get("rationale");
        if (rationale == null
                || !rationale.isString()
                || rationale.stringValue().isBlank()
                || rationale.stringValue().length() > 2000) {
            errors.add(new FieldError("rationale", "is required: 1 to 2000 characters explaining the decision"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The decision has " + errors.size() + " invalid field(s)", errors);
        }
        return new Decision(Outcome.valueOf(outcome.stringValue()), rationale.stringValue());
    }
}

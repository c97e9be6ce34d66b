package lab.like.experiment.registry.web;

import java.util.ArrayList;
import java.util.List;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.web.Bound;
import lab.like.experiment.web.RequestValidator;
import org.springframework.stereotype.Component;

/** The decision of a {@code /complete} body, or an {@link InvalidInputException} naming every bad field. */
@Component
class DecisionRequests {

    private final RequestValidator validator;

    DecisionRequests(RequestValidator validator) {
        this.validator = validator;
    }

    Decision decision(Bound<CompleteRequest> body) {
        if (body.value() == null) {
            throw new InvalidInputException(body.errors().get(0));
        }
        List<FieldError> errors = new ArrayList<>(body.errors());
        errors.addAll(validator.violations(body.value(), body.errors()));
        if (!errors.isEmpty()) {
            List<String> order = List.of("outcome", "rationale");
            errors.sort((a, b) -> Integer.compare(order.indexOf(a.field()), order.indexOf(b.field())));
            throw new InvalidInputException("The decision has " + errors.size() + " invalid field(s)", errors);
        }
        return body.value().decision();
    }
}

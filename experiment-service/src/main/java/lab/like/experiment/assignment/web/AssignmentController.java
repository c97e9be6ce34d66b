package lab.like.experiment.assignment.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lab.like.experiment.assignment.Assigner;
import lab.like.experiment.assignment.Assigner.Assignment;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.identity.Caller;
import lab.like.experiment.registry.ExperimentLookup;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentNotFoundException;
import lab.like.experiment.web.Bound;
import lab.like.experiment.web.OnWrongType;
import lab.like.experiment.web.RequestValidator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/experiments/{id}/assignments}: the sticky variant of a subject. */
@RestController
class AssignmentController {

    private final ExperimentLookup lookup;
    private final RequestValidator validator;

    AssignmentController(ExperimentLookup lookup, RequestValidator validator) {
        this.lookup = lookup;
        this.validator = validator;
    }

    @PostMapping(path = "/api/v1/experiments/{id}/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AssignmentView> assign(
            Caller caller,
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AssignmentRequest.class)))
                    @RequestBody
                    Bound<AssignmentRequest> body) {
        String subjectId = subjectId(body);
        ExperimentId experimentId = new ExperimentId(id);
        return lookup.find(experimentId)
                .flatMap(Mono::justOrEmpty)
                .filter(e -> caller.sees(e.organisation()))
                .switchIfEmpty(Mono.error(() -> new ExperimentNotFoundException(experimentId)))
                .map(e -> {
                    Assignment a = Assigner.assign(e, subjectId);
                    return new AssignmentView(id, subjectId, a.variant(), a.inExperiment());
                });
    }

    private String subjectId(Bound<AssignmentRequest> body) {
        if (body.value() == null) {
            throw new InvalidInputException(body.errors().get(0));
        }
        List<FieldError> errors = new ArrayList<>(body.errors());
        errors.addAll(validator.violations(body.value(), body.errors()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The assignment request has " + errors.size() + " invalid field(s)", errors);
        }
        return body.value().subjectId();
    }

    /** {@code {"subjectId"}}. */
    @OnWrongType("the body must be a JSON object {\"subjectId\"}")
    record AssignmentRequest(
            @NotNull(message = SUBJECT_MESSAGE)
            @Size(min = 1, max = 200, message = SUBJECT_MESSAGE)
            @OnWrongType(SUBJECT_MESSAGE)
            String subjectId) {

        static final String SUBJECT_MESSAGE = "is required: a string of 1 to 200 characters";
    }

    record AssignmentView(String experimentId, String subjectId, String variant, boolean inExperiment) {}
}

package lab.like.experiment.assignment.web;

import lab.like.experiment.assignment.Assigner;
import lab.like.experiment.assignment.Assigner.Assignment;
import lab.like.experiment.platform.Caller;
import lab.like.experiment.registry.ExperimentId;
import lab.like.experiment.registry.ExperimentLookup;
import lab.like.experiment.registry.ExperimentNotFoundException;
import lab.like.experiment.registry.FieldError;
import lab.like.experiment.registry.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/experiments/{id}/assignments}: the sticky variant of a subject. */
@RestController
class AssignmentController {

    private final ExperimentLookup lookup;

    AssignmentController(ExperimentLookup lookup) {
        this.lookup = lookup;
    }

    @PostMapping(path = "/api/v1/experiments/{id}/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AssignmentView> assign(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
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

    private static String subjectId(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(new FieldError("", "the body must be a JSON object {\"subjectId\"}"));
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("subjectId")) {
                throw new InvalidInputException(new FieldError(field, "unknown field; allowed fields are [subjectId]"));
            }
        }
        JsonNode subject = body.get("subjectId");
        if (subject == null
                || !subject.isString()
                || subject.stringValue().isEmpty()
                || subject.stringValue().length() > 200) {
            throw new InvalidInputException(
                    new FieldError("subjectId", "is required: a string of 1 to 200 characters"));
        }
        return subject.stringValue();
    }

    record AssignmentView(String experimentId, String subjectId, String variant, boolean inExperiment) {}
}

package lab.like.experiment.registry.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.Outcome;
import lab.like.experiment.web.OnWrongType;

/** The body of {@code /complete}: {@code {"outcome": "SCALE|ITERATE|STOP", "rationale": "..."}}. */
@OnWrongType("the body must be a JSON object")
record CompleteRequest(
        @NotNull(message = OUTCOME_MESSAGE)
        @Pattern(regexp = "SCALE|ITERATE|STOP", message = OUTCOME_MESSAGE)
        @OnWrongType(OUTCOME_MESSAGE)
        String outcome,

        @NotBlank(message = RATIONALE_MESSAGE)
        @Size(max = 2000, message = RATIONALE_MESSAGE)
        @OnWrongType(RATIONALE_MESSAGE)
        String rationale) {

    /** Spells {@link Outcome}'s values in declared order (a test holds them equal). */
    static final String OUTCOME_MESSAGE = "is required: one of [SCALE, ITERATE, STOP]";

    static final String RATIONALE_MESSAGE = "is required: 1 to 2000 characters explaining the decision";

    Decision decision() {
        return new Decision(Outcome.valueOf(outcome), rationale);
    }
}

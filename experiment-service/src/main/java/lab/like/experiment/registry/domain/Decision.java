package lab.like.experiment.registry.domain;

import java.util.Objects;

/** The recorded decision of a completed experiment. */
public record Decision(Outcome outcome, String rationale) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rationale, "rationale");
    }
}

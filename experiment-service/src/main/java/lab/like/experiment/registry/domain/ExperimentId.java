package lab.like.experiment.registry.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed id of an experiment. */
public record ExperimentId(String value) {

    public ExperimentId {
        Objects.requireNonNull(value, "value");
    }

    public static ExperimentId generate() {
        return new ExperimentId("exp-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}

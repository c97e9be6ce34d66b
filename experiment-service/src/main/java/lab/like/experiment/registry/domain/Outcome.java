package lab.like.experiment.registry.domain;

/** The decision a team takes when it completes an experiment. */
public enum Outcome {
    SCALE,
    ITERATE,
    STOP
}

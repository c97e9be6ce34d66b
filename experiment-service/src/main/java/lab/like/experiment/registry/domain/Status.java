package lab.like.experiment.registry.domain;

/** Lifecycle status of an experiment. */
public enum Status {
    DRAFT,
    RUNNING,
    PAUSED,
    COMPLETED,
    ARCHIVED
}

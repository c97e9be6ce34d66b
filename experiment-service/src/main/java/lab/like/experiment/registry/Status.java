package lab.like.experiment.registry;

/** Lifecycle status of an experiment. */
public enum Status {
    DRAFT,
    RUNNING,
    PAUSED,
    COMPLETED,
    ARCHIVED
}

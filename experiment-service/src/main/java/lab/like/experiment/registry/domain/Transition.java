package lab.like.experiment.registry.domain;

/** The result of a lifecycle action: the experiment in its new state and the event the change caused. */
public record Transition(Experiment experiment, ExperimentEvent event) {}

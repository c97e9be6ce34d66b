package lab.like.experiment.registry.domain;

/** A variant and its share of traffic in percent. */
public record Variant(String key, int weight) {}

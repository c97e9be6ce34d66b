package lab.like.metrics.aggregation;

import java.util.Optional;

/** An experiment's lifecycle status as experiment-service publishes it (API.md); only RUNNING counts events. */
public enum ExperimentStatus {
    DRAFT,
    RUNNING,
    PAUSED,
    COMPLETED,
    ARCHIVED;

    /** Empty for a value that is none of API.md's statuses. */
    public static Optional<ExperimentStatus> parse(String text) {
        if (text == null) return Optional.empty();
        for (ExperimentStatus status : values()) {
            if (status.name().equals(text)) return Optional.of(status);
        }
        return Optional.empty();
    }

    /** Running or paused: collecting data and awaiting a decision. */
    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}

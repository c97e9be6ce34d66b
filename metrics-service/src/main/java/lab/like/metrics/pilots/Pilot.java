package lab.like.metrics.pilots;

import java.time.Instant;
import lab.like.metrics.aggregation.ExperimentStatus;

/** One experiment as the portfolio and comparison views see it (the {@code experiments} topic record, abridged). */
public record Pilot(
        String id,
        String organisation,
        String service,
        String name,
        ExperimentStatus status,
        Decision decision,
        Instant startedAt,
        Instant completedAt,
        String iterationOf,
        boolean sharedWithNetwork,
        String controlVariant,
        String primaryKpi,
        long version) {

    /** The decision taken when the pilot was completed. */
    public record Decision(Outcome outcome, String rationale) {}

    /** Running or paused: a pilot that collects data and awaits a decision. */
    public boolean active() {
        return status.active();
    }
}

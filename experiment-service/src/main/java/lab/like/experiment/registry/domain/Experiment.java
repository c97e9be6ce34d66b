package lab.like.experiment.registry.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentArchived;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentCompleted;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentPaused;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentStarted;
import lab.like.experiment.registry.domain.HistoryEntry.Action;

/**
 * An experiment (pilot). Immutable: every change is a named method returning a new instance with
 * {@code version + 1} and one more {@link HistoryEntry} naming who made it, so a stored change and its history
 * entry are one document write; lifecycle methods check {@link Lifecycle}'s table and return the event they cause.
 */
public record Experiment(
        ExperimentId id,
        String organisation,
        ExperimentSpec spec,
        Status status,
        Decision decision,
        String salt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        long version,
        List<HistoryEntry> history) {

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(salt, "salt");
        history = List.copyOf(history);
    }

    public static Experiment create(
            ExperimentId id, String organisation, ExperimentSpec spec, String salt, String by, Clock clock) {
        Instant now = now(clock);
        HistoryEntry created = new HistoryEntry(
                1L, now, Action.CREATED, by, null, Status.DRAFT, SpecChanges.between(null, spec), null);
        return new Experiment(
                id, organisation, spec, Status.DRAFT, null, salt, now, now, null, null, 1, List.of(created));
    }

    /** Applies new create fields; allocation (variants, weights, control) may change only in DRAFT. */
    public Experiment revise(ExperimentSpec next, String by, Clock clock) {
        if (status == Status.ARCHIVED) {
            throw new ChangeRejectedException("experiment " + id + " is ARCHIVED; nothing can change once archived");
        }
        if (!spec.sameAllocation(next) && status != Status.DRAFT) {
            throw new ChangeRejectedException("variants, weights and controlVariant can change only in DRAFT; "
                    + "experiment " + id + " is " + status);
        }
        if (spec.equals(next)) {
            return this;
        }
        return changed(Action.UPDATED, by, clock, next, status, decision, SpecChanges.between(spec, next));
    }

    public Transition start(String by, Clock clock) {
        Status to = Lifecycle.next(status, Lifecycle.Action.START);
        List<String> changes = startedAt == null ? List.of("status", "startedAt") : List.of("status");
        Experiment next = changed(Action.STARTED, by, clock, spec, to, decision, changes);
        return new Transition(next, new ExperimentStarted(UUID.randomUUID(), next.updatedAt, id));
    }

    public Transition pause(String by, Clock clock) {
        Status to = Lifecycle.next(status, Lifecycle.Action.PAUSE);
        Experiment next = changed(Action.PAUSED, by, clock, spec, to, decision, List.of("status"));
        return new Transition(next, new ExperimentPaused(UUID.randomUUID(), next.updatedAt, id));
    }

    public Transition complete(Decision decided, String by, Clock clock) {
        Objects.requireNonNull(decided, "decision");
        Status to = Lifecycle.next(status, Lifecycle.Action.COMPLETE);
        List<String> changes = List.of("status", "decision", "completedAt");
        Experiment next = changed(Action.COMPLETED, by, clock, spec, to, decided, changes);
        return new Transition(next, new ExperimentCompleted(UUID.randomUUID(), next.updatedAt, id, decided));
    }

    public Transition archive(String by, Clock clock) {
        Status to = Lifecycle.next(status, Lifecycle.Action.ARCHIVE);
        Experiment next = changed(Action.ARCHIVED, by, clock, spec, to, decision, List.of("status"));
        return new Transition(next, new ExperimentArchived(UUID.randomUUID(), next.updatedAt, id));
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    /** The same experiment with another history: for reconstructing the history of documents stored without one. */
    Experiment withHistory(List<HistoryEntry> entries) {
        return new Experiment(
                id,
                organisation,
                spec,
                status,
                decision,
                salt,
                createdAt,
                updatedAt,
                startedAt,
                completedAt,
                version,
                entries);
    }

    private Experiment changed(
            Action action,
            String by,
            Clock clock,
            ExperimentSpec nextSpec,
            Status to,
            Decision nextDecision,
            List<String> changes) {
        Instant now = now(clock);
        long nextVersion = version + 1;
        List<HistoryEntry> entries = new ArrayList<>(history);
        Decision recorded = action == Action.COMPLETED ? nextDecision : null;
        entries.add(new HistoryEntry(nextVersion, now, action, by, status, to, changes, recorded));
        return new Experiment(
                id,
                organisation,
                nextSpec,
                to,
                nextDecision,
                salt,
                createdAt,
                now,
                startedAt == null && to == Status.RUNNING ? now : startedAt,
                action == Action.COMPLETED ? now : completedAt,
                nextVersion,
                entries);
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

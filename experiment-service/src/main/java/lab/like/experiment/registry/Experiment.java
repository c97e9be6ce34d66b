package lab.like.experiment.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import lab.like.experiment.registry.ExperimentEvent.ExperimentArchived;
import lab.like.experiment.registry.ExperimentEvent.ExperimentCompleted;
import lab.like.experiment.registry.ExperimentEvent.ExperimentPaused;
import lab.like.experiment.registry.ExperimentEvent.ExperimentStarted;
import lab.like.experiment.registry.Lifecycle.Action;

/**
 * An experiment (pilot). Immutable: every change is a named method returning a new instance with
 * {@code version + 1}; lifecycle methods check {@link Lifecycle}'s table and return the event they cause.
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
        long version) {

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(salt, "salt");
    }

    public static Experiment create(
            ExperimentId id, String organisation, ExperimentSpec spec, String salt, Clock clock) {
        Instant now = now(clock);
        return new Experiment(id, organisation, spec, Status.DRAFT, null, salt, now, now, null, null, 1);
    }

    /** Applies new create fields; allocation (variants, weights, control) may change only in DRAFT. */
    public Experiment revise(ExperimentSpec next, Clock clock) {
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
        return new Experiment(
                id,
                organisation,
                next,
                status,
                decision,
                salt,
                createdAt,
                now(clock),
                startedAt,
                completedAt,
                version + 1);
    }

    public Transition start(Clock clock) {
        Experiment next = moveTo(Lifecycle.next(status, Action.START), clock, decision);
        Experiment started = next.startedAt == null ? next.withStartedAt(next.updatedAt) : next;
        return new Transition(started, new ExperimentStarted(UUID.randomUUID(), started.updatedAt, id));
    }

    public Transition pause(Clock clock) {
        Experiment next = moveTo(Lifecycle.next(status, Action.PAUSE), clock, decision);
        return new Transition(next, new ExperimentPaused(UUID.randomUUID(), next.updatedAt, id));
    }

    public Transition complete(Decision decided, Clock clock) {
        Objects.requireNonNull(decided, "decision");
        Experiment next = moveTo(Lifecycle.next(status, Action.COMPLETE), clock, decided);
        Experiment completed = new Experiment(
                id,
                organisation,
                spec,
                next.status,
                decided,
                salt,
                createdAt,
                next.updatedAt,
                startedAt,
                next.updatedAt,
                next.version);
        return new Transition(completed, new ExperimentCompleted(UUID.randomUUID(), next.updatedAt, id, decided));
    }

    public Transition archive(Clock clock) {
        Experiment next = moveTo(Lifecycle.next(status, Action.ARCHIVE), clock, decision);
        return new Transition(next, new ExperimentArchived(UUID.randomUUID(), next.updatedAt, id));
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    private Experiment moveTo(Status to, Clock clock, Decision withDecision) {
        return new Experiment(
                id,
                organisation,
                spec,
                to,
                withDecision,
                salt,
                createdAt,
                now(clock),
                startedAt,
                completedAt,
                version + 1);
    }

    private Experiment withStartedAt(Instant at) {
        return new Experiment(
                id, organisation, spec, status, decision, salt, createdAt, updatedAt, at, completedAt, version);
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package lab.like.experiment.registry.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.like.experiment.registry.domain.HistoryEntry.Action;

/**
 * The first history of an experiment stored before histories existed, rebuilt from what its document knows:
 * {@code created} at {@code createdAt}, {@code started} at {@code startedAt}, {@code completed} at
 * {@code completedAt} with the decision, {@code archived} when archived. Every entry is {@code by}
 * {@value HistoryEntry#UNKNOWN_CALLER}; {@code version} is known for the creation (1) and for an entry that was
 * the last change (its time is {@code updatedAt}), null otherwise. Patches and pauses of the past are not known.
 * The rebuilt entries are stored with the experiment's next change (the whole history is part of that write).
 */
public final class LegacyHistory {

    private LegacyHistory() {}

    /** {@code experiment} itself when it has a history, else the experiment with the reconstructed one. */
    public static Experiment ensure(Experiment experiment) {
        return experiment.history().isEmpty() ? experiment.withHistory(reconstruct(experiment)) : experiment;
    }

    static List<HistoryEntry> reconstruct(Experiment e) {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> created = e.version() == 1 ? SpecChanges.between(null, e.spec()) : List.of();
        entries.add(unknownCaller(1L, e.createdAt(), Action.CREATED, null, Status.DRAFT, created, null));
        if (e.startedAt() != null) {
            Long version = lastChange(e, e.startedAt(), Status.RUNNING);
            List<String> changes = List.of("status", "startedAt");
            entries.add(
                    unknownCaller(version, e.startedAt(), Action.STARTED, Status.DRAFT, Status.RUNNING, changes, null));
        }
        if (e.completedAt() != null) {
            // RUNNING or PAUSED before: not known
            Long version = lastChange(e, e.completedAt(), Status.COMPLETED);
            List<String> changes = List.of("status", "decision", "completedAt");
            entries.add(unknownCaller(
                    version, e.completedAt(), Action.COMPLETED, null, Status.COMPLETED, changes, e.decision()));
        }
        if (e.status() == Status.ARCHIVED) {
            // nothing changes once archived, so the archive was the last change
            entries.add(unknownCaller(
                    e.version(),
                    e.updatedAt(),
                    Action.ARCHIVED,
                    Status.COMPLETED,
                    Status.ARCHIVED,
                    List.of("status"),
                    null));
        }
        return entries;
    }

    /** The current version if the change at {@code at} that reached {@code status} was the last one, else null. */
    private static Long lastChange(Experiment e, Instant at, Status status) {
        return e.status() == status && at.equals(e.updatedAt()) && e.version() > 1 ? e.version() : null;
    }

    private static HistoryEntry unknownCaller(
            Long version, Instant at, Action action, Status from, Status to, List<String> changes, Decision decision) {
        return new HistoryEntry(version, at, action, HistoryEntry.UNKNOWN_CALLER, from, to, changes, decision);
    }
}

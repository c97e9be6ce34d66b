package lab.like.experiment.registry.messaging;

import java.time.Instant;
import java.util.List;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.HistoryEntry;
import lab.like.experiment.registry.domain.Status;

/** One entry of {@code history} on the {@code experiments} record: the shape of API.md's history items. */
record HistoryRecord(
        Long version,
        Instant at,
        String action,
        String by,
        Status from,
        Status to,
        List<String> changes,
        Decision decision) {

    static HistoryRecord of(HistoryEntry e) {
        return new HistoryRecord(
                e.version(), e.at(), e.action().label(), e.by(), e.from(), e.to(), e.changes(), e.decision());
    }
}

package lab.like.experiment.registry.web;

import java.time.Instant;
import java.util.List;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.HistoryEntry;
import lab.like.experiment.registry.domain.Status;

/** One history entry as API.md returns it ({@code GET /api/v1/experiments/{id}/history}). */
record HistoryView(
        Long version,
        Instant at,
        String action,
        String by,
        Status from,
        Status to,
        List<String> changes,
        Decision decision) {

    static HistoryView of(HistoryEntry e) {
        return new HistoryView(
                e.version(), e.at(), e.action().label(), e.by(), e.from(), e.to(), e.changes(), e.decision());
    }
}

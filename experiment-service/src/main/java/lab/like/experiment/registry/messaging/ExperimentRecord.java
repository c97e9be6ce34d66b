package lab.like.experiment.registry.messaging;

import java.time.Instant;
import java.util.List;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Status;
import lab.like.experiment.registry.domain.Variant;

/**
 * Value of the compacted {@code experiments} topic: the experiment as the API returns it, plus salt and its
 * history (the items of {@code GET /api/v1/experiments/{id}/history}, oldest first).
 */
record ExperimentRecord(
        int schemaVersion,
        String id,
        String organisation,
        String name,
        String hypothesis,
        String service,
        List<Variant> variants,
        String controlVariant,
        String primaryKpi,
        List<String> guardrailKpis,
        Integer eligiblePopulation,
        int minimumStarters,
        boolean sharedWithNetwork,
        boolean sequentialTesting,
        String iterationOf,
        Status status,
        Decision decision,
        String salt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        long version,
        List<HistoryRecord> history) {

    static final int SCHEMA_VERSION = 1;

    static ExperimentRecord of(Experiment e) {
        ExperimentSpec s = e.spec();
        return new ExperimentRecord(
                SCHEMA_VERSION,
                e.id().value(),
                e.organisation(),
                s.name(),
                s.hypothesis(),
                s.service(),
                s.variants(),
                s.controlVariant(),
                s.primaryKpi(),
                s.guardrailKpis(),
                s.eligiblePopulation(),
                s.minimumStarters(),
                s.sharedWithNetwork(),
                s.sequentialTesting(),
                s.iterationOf(),
                e.status(),
                e.decision(),
                e.salt(),
                e.createdAt(),
                e.updatedAt(),
                e.startedAt(),
                e.completedAt(),
                e.version(),
                e.history().stream().map(HistoryRecord::of).toList());
    }
}

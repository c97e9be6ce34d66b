package lab.like.experiment.registry.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Status;
import lab.like.experiment.registry.domain.Variant;

/** The experiment as API.md returns it. {@code iterations} is present on single reads only. */
record ExperimentView(
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
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> iterations) {

    static ExperimentView of(Experiment e, List<ExperimentId> iterations) {
        ExperimentSpec s = e.spec();
        return new ExperimentView(
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
                e.createdAt(),
                e.updatedAt(),
                e.startedAt(),
                e.completedAt(),
                e.version(),
                iterations == null
                        ? null
                        : iterations.stream().map(ExperimentId::value).toList());
    }
}

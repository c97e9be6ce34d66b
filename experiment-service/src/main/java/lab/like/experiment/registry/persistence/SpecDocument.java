package lab.like.experiment.registry.persistence;

import java.util.List;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Variant;

/**
 * The stored create fields. Same field names as {@link ExperimentSpec}; {@code sequentialTesting} is a
 * {@code Boolean} because documents written before it existed lack it, and absent means API.md's default, true.
 */
record SpecDocument(
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
        Boolean sequentialTesting,
        String iterationOf) {

    static SpecDocument of(ExperimentSpec s) {
        return new SpecDocument(
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
                s.iterationOf());
    }

    ExperimentSpec toSpec() {
        return new ExperimentSpec(
                name,
                hypothesis,
                service,
                variants,
                controlVariant,
                primaryKpi,
                guardrailKpis == null ? List.of() : guardrailKpis,
                eligiblePopulation,
                minimumStarters,
                sharedWithNetwork,
                !Boolean.FALSE.equals(sequentialTesting),
                iterationOf);
    }
}

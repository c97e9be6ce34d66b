package lab.like.experiment.registry.domain;

import java.util.List;

/** The fields a team sets on create and may change by merge patch, with API.md's defaults applied. */
public record ExperimentSpec(
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
        String iterationOf) {

    public static final int DEFAULT_MINIMUM_STARTERS = 100;

    public ExperimentSpec {
        variants = List.copyOf(variants);
        guardrailKpis = List.copyOf(guardrailKpis);
    }

    boolean sameAllocation(ExperimentSpec other) {
        return variants.equals(other.variants) && controlVariant.equals(other.controlVariant);
    }
}

package lab.like.metrics.aggregation;

import java.util.List;
import java.util.Optional;

/** What metrics-service knows of an experiment, from the compacted {@code experiments} topic. */
public record ExperimentDefinition(
        String id,
        String organisation,
        ExperimentStatus status,
        List<Variant> variants,
        String controlVariant,
        String primaryKpi,
        List<String> guardrailKpis,
        Long eligiblePopulation,
        Long minimumStarters,
        String salt,
        long version,
        boolean sequentialTesting) {

    /** Without {@code sequentialTesting}: an experiment that does not say is tested sequentially (API.md). */
    public ExperimentDefinition(
            String id,
            String organisation,
            ExperimentStatus status,
            List<Variant> variants,
            String controlVariant,
            String primaryKpi,
            List<String> guardrailKpis,
            Long eligiblePopulation,
            Long minimumStarters,
            String salt,
            long version) {
        this(
                id,
                organisation,
                status,
                variants,
                controlVariant,
                primaryKpi,
                guardrailKpis,
                eligiblePopulation,
                minimumStarters,
                salt,
                version,
                true);
    }

    public record Variant(String key, int weight) {}

    public boolean running() {
        return status == ExperimentStatus.RUNNING;
    }

    public boolean hasVariant(String key) {
        for (Variant v : variants) {
            if (v.key().equals(key)) return true;
        }
        return false;
    }

    public Optional<Variant> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }
}

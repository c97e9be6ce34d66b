package lab.like.metrics.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;

/** Experiments and stored totals for the engine's tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private Fixtures() {}

    /** Variants control, then the given treatments, equal weights, minimum 100 starters. */
    static ExperimentDefinition experiment(boolean sequential, List<String> guardrails, String... treatments) {
        List<ExperimentDefinition.Variant> variants = new ArrayList<>();
        int weight = 100 / (treatments.length + 1);
        variants.add(new ExperimentDefinition.Variant("control", weight));
        for (String t : treatments) variants.add(new ExperimentDefinition.Variant(t, weight));
        return new ExperimentDefinition(
                "exp",
                "demo",
                ExperimentStatus.RUNNING,
                variants,
                "control",
                "completion_rate",
                guardrails,
                null,
                100L,
                "",
                1,
                sequential);
    }

    /** Totals where every completer completed once on the web. */
    static VariantCounts counts(
            String variant, long subjects, long starters, long completers, long feedback, long satisfied) {
        return day(variant, null, subjects, starters, completers, feedback, satisfied);
    }

    static VariantCounts day(
            String variant, String day, long subjects, long starters, long completers, long feedback, long satisfied) {
        return new VariantCounts(
                variant,
                day,
                1,
                new Counts(
                        subjects, starters, completers, 0, completers, completers, feedback, satisfied, satisfied * 5),
                null,
                null,
                NOW);
    }
}

package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import lab.like.metrics.aggregation.ExperimentDefinition;
import org.junit.jupiter.api.Test;

class ComparisonAndRecommendationTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static ExperimentDefinition experiment(List<String> guardrails, int... weights) {
        return new ExperimentDefinition(
                "exp",
                "demo",
                "RUNNING",
                List.of(
                        new ExperimentDefinition.Variant("control", weights[0]),
                        new ExperimentDefinition.Variant("simplified", weights[1])),
                "control",
                "completion_rate",
                guardrails,
                null,
                100L,
                "",
                1);
    }

    static VariantCounts counts(
            String variant, long subjects, long starters, long completers, long feedback, long satisfied) {
        return new VariantCounts(
                variant,
                null,
                1,
                subjects,
                starters,
                completers,
                0,
                completers,
                completers,
                feedback,
                satisfied,
                satisfied * 5,
                null,
                null,
                NOW);
    }

    @Test
    void whenApiExampleThenPValueAndIntervalMatch() {
        Comparison c = Comparison.of("simplified", "completion_rate", Kpi.of(600, 800), Kpi.of(648, 800));
        assertThat(c.pValue()).isCloseTo(0.0038, within(0.0001));
        assertThat(c.ci95()[0]).isCloseTo(0.020, within(0.001));
        assertThat(c.ci95()[1]).isCloseTo(0.100, within(0.001));
        assertThat(c.absoluteLift()).isCloseTo(0.06, within(1e-9));
        assertThat(c.relativeLift()).isCloseTo(0.08, within(1e-9));
        assertThat(c.significant()).isTrue();
    }

    @Test
    void whenTreatmentSignificantlyBetterWithoutSrmThenScale() {
        var results = Results.of(
                experiment(List.of("satisfaction"), 50, 50),
                List.of(counts("control", 1000, 800, 600, 200, 150), counts("simplified", 1000, 800, 648, 200, 150)),
                NOW);
        assertThat(results.comparisons()).hasSize(2);
        assertThat(results.srm().mismatch()).isFalse();
        assertThat(results.recommendation().outcome()).isEqualTo("SCALE");
        assertThat(results.recommendation().reasons().get(0)).contains("completion_rate +6.0 points");
    }

    @Test
    void whenTooFewStartersThenKeepRunning() {
        var results = Results.of(
                experiment(List.of(), 50, 50),
                List.of(counts("control", 1000, 99, 60, 0, 0), counts("simplified", 1000, 800, 700, 0, 0)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo("KEEP_RUNNING");
    }

    @Test
    void whenGuardrailSignificantlyWorseThenStop() {
        var results = Results.of(
                experiment(List.of("satisfaction"), 50, 50),
                List.of(counts("control", 1000, 800, 600, 400, 300), counts("simplified", 1000, 800, 648, 400, 200)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo("STOP");
    }

    @Test
    void whenSampleRatioMismatchThenNeverScale() {
        var results = Results.of(
                experiment(List.of(), 50, 50),
                List.of(counts("control", 1000, 800, 600, 0, 0), counts("simplified", 1300, 800, 648, 0, 0)),
                NOW);
        assertThat(results.srm().mismatch()).isTrue();
        assertThat(results.recommendation().outcome()).isEqualTo("ITERATE");
    }

    @Test
    void whenNoSignificantDifferenceThenIterate() {
        var results = Results.of(
                experiment(List.of(), 50, 50),
                List.of(counts("control", 1000, 800, 600, 0, 0), counts("simplified", 1000, 800, 610, 0, 0)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo("ITERATE");
        assertThat(results.comparisons().get(0).significant()).isFalse();
    }

    @Test
    void whenNoDataThenComparisonValuesAreNullAndSrmIsNotAMismatch() {
        var results = Results.of(experiment(List.of("satisfaction"), 50, 50), List.of(), NOW);
        assertThat(results.comparisons()).allSatisfy(c -> assertThat(c.pValue()).isNull());
        assertThat(results.srm().pValue()).isEqualTo(1.0);
        assertThat(results.recommendation().outcome()).isEqualTo("KEEP_RUNNING");
    }
}

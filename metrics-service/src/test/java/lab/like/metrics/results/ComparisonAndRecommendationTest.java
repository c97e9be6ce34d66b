package lab.like.metrics.results;

import static lab.like.metrics.results.Fixtures.NOW;
import static lab.like.metrics.results.Fixtures.counts;
import static lab.like.metrics.results.Fixtures.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** API.md's per-treatment rule, every branch, with one to three treatments. */
class ComparisonAndRecommendationTest {

    @Test
    void whenApiExampleThenPValueAndIntervalMatch() {
        Comparison c =
                Comparison.of("simplified", "completion_rate", KpiEstimate.of(600, 800), KpiEstimate.of(648, 800));
        assertThat(c.pValue()).isCloseTo(0.0038, within(0.0001));
        assertThat(c.ci95()[0]).isCloseTo(0.020, within(0.001));
        assertThat(c.ci95()[1]).isCloseTo(0.100, within(0.001));
        assertThat(c.absoluteLift()).isCloseTo(0.06, within(1e-9));
        assertThat(c.relativeLift()).isCloseTo(0.08, within(1e-9));
        assertThat(c.significant()).isTrue();
    }

    @Test
    void whenFixedHorizonAndSignificantlyBetterWithoutSrmThenScaleThatTreatment() {
        var results = Results.of(
                experiment(false, List.of("satisfaction"), "simplified"),
                List.of(counts("control", 1000, 800, 600, 200, 150), counts("simplified", 1000, 800, 648, 200, 150)),
                NOW);
        assertThat(results.comparisons()).hasSize(2);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.SCALE);
        assertThat(results.recommendation().variant()).isEqualTo("simplified");
        assertThat(results.recommendation().reasons())
                .containsExactly("simplified: completion rate +6.0 points, p = 0.004");
    }

    @Test
    void whenSequentialThenTheSameDataIsNotYetEnoughButTenTimesAsMuchIs() {
        var few = Results.of(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 1000, 800, 600, 0, 0), counts("simplified", 1000, 800, 648, 0, 0)),
                NOW);
        assertThat(few.comparisons().get(0).sequential().pValue()).isCloseTo(0.0912, within(0.0001));
        assertThat(few.recommendation().outcome()).isEqualTo(Recommendation.Action.ITERATE);
        assertThat(few.recommendation().variant()).isEqualTo("simplified");
        assertThat(few.recommendation().reasons())
                .containsExactly("no treatment is significantly better on completion rate yet; most promising: "
                        + "simplified: completion rate +6.0 points, p = 0.091");
        var many = Results.of(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 10000, 8000, 6000, 0, 0), counts("simplified", 10000, 8000, 6480, 0, 0)),
                NOW);
        assertThat(many.recommendation().outcome()).isEqualTo(Recommendation.Action.SCALE);
        assertThat(many.recommendation().reasons())
                .containsExactly("simplified: completion rate +6.0 points, p < 0.001");
    }

    @Test
    void whenTwoTreatmentsWinThenScaleTheOneWithTheBestPrimaryValue() {
        var results = Results.of(
                experiment(false, List.of(), "b", "c"),
                List.of(
                        counts("control", 1000, 800, 600, 0, 0),
                        counts("b", 1000, 800, 680, 0, 0),
                        counts("c", 1000, 800, 660, 0, 0)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.SCALE);
        assertThat(results.recommendation().variant()).isEqualTo("b");
    }

    @Test
    void whenTheBestPrimaryIsNotSignificantAndTheSignificantOneHarmsAGuardrailThenIterateOnTheHarmlessOne() {
        var results = Results.of(
                experiment(false, List.of("satisfaction"), "a", "b"),
                List.of(
                        counts("control", 1000, 800, 600, 400, 300),
                        // the best completion rate (82.5%) but few starters: not significant
                        counts("a", 1000, 120, 99, 60, 45),
                        // significantly better completion (81%) but satisfaction 25 points lower
                        counts("b", 1000, 800, 648, 400, 200)),
                NOW);
        Comparison bPrimary = find(results, "b", "completion_rate");
        assertThat(bPrimary.adjustedPValue()).isLessThan(0.05);
        assertThat(find(results, "a", "completion_rate").adjustedPValue()).isGreaterThan(0.05);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.ITERATE);
        assertThat(results.recommendation().variant()).isEqualTo("a");
        assertThat(results.recommendation().reasons())
                .containsExactly(
                        "b is better on completion rate but its satisfaction is 25.0 points lower (p < 0.001)",
                        "no treatment is significantly better on completion rate yet; most promising: "
                                + "a: completion rate +7.5 points, p = 0.073");
    }

    @Test
    void whenEveryTreatmentIsHarmfulThenStopWithoutAVariant() {
        var results = Results.of(
                experiment(false, List.of("satisfaction"), "a", "b"),
                List.of(
                        counts("control", 1000, 800, 600, 400, 300),
                        counts("a", 1000, 800, 540, 400, 300),
                        counts("b", 1000, 800, 610, 400, 260)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.STOP);
        assertThat(results.recommendation().variant()).isNull();
        assertThat(results.recommendation().reasons())
                .containsExactly(
                        "a: completion rate is 7.5 points lower (p = 0.002)",
                        "b is better on completion rate but its satisfaction is 10.0 points lower (p = 0.002)");
    }

    @Test
    void whenOneTreatmentIsHarmfulAndTheOtherUndecidedThenIterateOnTheOther() {
        var results = Results.of(
                experiment(false, List.of("satisfaction"), "a", "b"),
                List.of(
                        counts("control", 1000, 800, 600, 400, 300),
                        counts("a", 1000, 800, 540, 400, 300),
                        counts("b", 1000, 800, 610, 400, 300)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.ITERATE);
        assertThat(results.recommendation().variant()).isEqualTo("b");
    }

    @Test
    void whenAWinnerHasASampleRatioMismatchThenIterateAndSaySo() {
        var results = Results.of(
                experiment(false, List.of(), "simplified"),
                List.of(counts("control", 1000, 800, 600, 0, 0), counts("simplified", 1300, 800, 680, 0, 0)),
                NOW);
        assertThat(results.srm().mismatch()).isTrue();
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.ITERATE);
        assertThat(results.recommendation().variant()).isEqualTo("simplified");
        assertThat(results.recommendation().reasons())
                .containsExactly(
                        "sample ratio mismatch: 43% of subjects in control where 50% was planned;"
                                + " check the assignment",
                        "simplified: completion rate +10.0 points, p < 0.001, but the sample ratio mismatch"
                                + " forbids scaling");
    }

    @Test
    void whenHolmAdjustsAWeakWinnerAwayThenNoScale() {
        var results = Results.of(
                experiment(false, List.of(), "a", "b", "c"),
                List.of(
                        counts("control", 1000, 800, 600, 0, 0),
                        counts("a", 1000, 800, 638, 0, 0),
                        counts("b", 1000, 800, 600, 0, 0),
                        counts("c", 1000, 800, 595, 0, 0)),
                NOW);
        Comparison a = find(results, "a", "completion_rate");
        assertThat(a.pValue()).isLessThan(0.05);
        assertThat(a.adjustedPValue()).isCloseTo(3 * a.pValue(), within(1e-12)).isGreaterThan(0.05);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.ITERATE);
        assertThat(results.recommendation().variant()).isEqualTo("a");
    }

    @Test
    void whenGuardrailComparisonsThenTheyAreNotAdjusted() {
        var results = Results.of(
                experiment(false, List.of("satisfaction"), "a", "b"),
                List.of(
                        counts("control", 1000, 800, 600, 400, 300),
                        counts("a", 1000, 800, 610, 400, 290),
                        counts("b", 1000, 800, 620, 400, 280)),
                NOW);
        assertThat(results.comparisons())
                .filteredOn(c -> c.kpi().equals("satisfaction"))
                .allSatisfy(c -> assertThat(c.adjustedPValue()).isEqualTo(c.pValue()));
    }

    @Test
    void whenTooFewStartersThenKeepRunningAndSayWhoLacksThem() {
        var results = Results.of(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 1000, 99, 60, 0, 0), counts("simplified", 1000, 800, 700, 0, 0)),
                NOW);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.KEEP_RUNNING);
        assertThat(results.recommendation().variant()).isNull();
        assertThat(results.recommendation().reasons()).containsExactly("control has 99 of the 100 starters needed");
    }

    @Test
    void whenNoDataThenComparisonValuesAreNullAndSrmIsNotAMismatch() {
        var results = Results.of(experiment(true, List.of("satisfaction"), "simplified"), List.of(), NOW);
        assertThat(results.comparisons()).allSatisfy(c -> assertThat(c.pValue()).isNull());
        assertThat(results.srm().pValue()).isEqualTo(1.0);
        assertThat(results.recommendation().outcome()).isEqualTo(Recommendation.Action.KEEP_RUNNING);
    }

    private static Comparison find(Results results, String variant, String kpi) {
        return results.comparisons().stream()
                .filter(c -> c.variant().equals(variant) && c.kpi().equals(kpi))
                .findFirst()
                .orElseThrow();
    }
}

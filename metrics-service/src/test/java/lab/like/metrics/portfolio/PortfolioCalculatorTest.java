package lab.like.metrics.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.KpiPair;
import lab.like.metrics.pilots.KpiValue;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import lab.like.metrics.pilots.PilotResults;
import lab.like.metrics.results.Recommendation;
import org.junit.jupiter.api.Test;

class PortfolioCalculatorTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    static Pilot pilot(String id, String status, String outcome, String started, String completed, String parent) {
        return new Pilot(
                id,
                "demo",
                "parking-permit",
                "pilot " + id,
                ExperimentStatus.valueOf(status),
                outcome == null ? null : new Pilot.Decision(Outcome.valueOf(outcome), "why"),
                started == null ? null : Instant.parse(started),
                completed == null ? null : Instant.parse(completed),
                parent,
                false,
                "control",
                "completion_rate",
                3);
    }

    static PilotResults outcome(String recommendation, Double best) {
        KpiValue control = new KpiValue("control", 0.5, 50, 100, new double[] {0.4, 0.6});
        KpiValue treatment = best == null ? null : new KpiValue("b", best, 0, 100, new double[] {0.0, 1.0});
        return new PilotResults(
                recommendation == null ? null : Recommendation.Action.valueOf(recommendation),
                "b",
                Map.of("completion_rate", new KpiPair(control, treatment)));
    }

    @Test
    void whenDecisionsTookDaysThenTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndBucketsAreHalfOpen() {
        var summary = DecisionTimes.of(List.of(
                pilot("a", "COMPLETED", "SCALE", "2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z", null), // 7.0
                pilot("b", "COMPLETED", "STOP", "2026-01-01T00:00:00Z", "2026-01-07T12:00:00Z", null), // 6.5
                pilot("c", "ARCHIVED", "ITERATE", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", null), // 90
                pilot("d", "COMPLETED", "SCALE", "2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z", null), // 30
                pilot("e", "RUNNING", null, "2026-01-01T00:00:00Z", null, null)));
        assertThat(summary.decided()).isEqualTo(4);
        assertThat(summary.medianDays()).isEqualTo(18.5);
        assertThat(summary.distribution())
                .extracting(DecisionTimes.Bucket::count)
                .containsExactly(1L, 1L, 0L, 1L, 0L, 1L);
        assertThat(summary.distribution().get(5).toDays()).isNull();
    }

    @Test
    void whenNothingIsDecidedThenTheMedianIsNullAndEveryBucketIsZero() {
        var summary = DecisionTimes.of(List.of(pilot("a", "DRAFT", null, null, null, null)));
        assertThat(summary.decided()).isZero();
        assertThat(summary.medianDays()).isNull();
        assertThat(summary.distribution())
                .extracting(DecisionTimes.Bucket::count)
                .containsOnly(0L);
    }

    @Test
    void whenDecisionsSpanQuartersThenEmptyQuartersAreListedAndTheRateCoversTheLastFour() {
        var rate = LearningRate.of(
                List.of(
                        pilot("a", "COMPLETED", "SCALE", "2025-11-01T00:00:00Z", "2025-12-31T23:59:59Z", null),
                        pilot("b", "COMPLETED", "STOP", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null),
                        pilot("c", "COMPLETED", "ITERATE", "2026-07-01T00:00:00Z", "2026-10-05T00:00:00Z", null),
                        pilot("d", "COMPLETED", "ITERATE", "2026-07-01T00:00:00Z", "2026-11-05T00:00:00Z", null)),
                NOW);
        assertThat(rate.quarters())
                .extracting(LearningRate.Quarter::quarter)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(rate.quarters()).extracting(LearningRate.Quarter::decisions).containsExactly(1L, 1L, 0L, 0L, 2L);
        assertThat(rate.quarters().get(4).iterate()).isEqualTo(2);
        assertThat(rate.quarters().get(1).stop()).isEqualTo(1);
        // 2026-Q1..Q4: three decisions
        assertThat(rate.decisionsPerQuarter()).isEqualTo(0.75);
        assertThat(LearningRate.of(List.of(), NOW).quarters()).isEmpty();
    }

    @Test
    void whenAPilotIsIteratedTwiceThenTwoChainsShareTheirStartAndEachStepComparesWithTheLast() {
        List<Pilot> pilots = List.of(
                pilot("a", "COMPLETED", "ITERATE", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", null),
                pilot("b", "COMPLETED", "ITERATE", "2026-02-02T00:00:00Z", "2026-03-01T00:00:00Z", "a"),
                pilot("c", "RUNNING", null, "2026-03-02T00:00:00Z", null, "b"),
                pilot("d", "RUNNING", null, "2026-03-03T00:00:00Z", null, "a"),
                pilot("lone", "RUNNING", null, "2026-03-03T00:00:00Z", null, null),
                pilot("orphan", "RUNNING", null, "2026-03-03T00:00:00Z", null, "elsewhere"));
        var chains = IterationChains.of(
                pilots, Map.of("a", outcome("ITERATE", 0.50), "b", outcome("ITERATE", 0.60), "c", outcome(null, 0.55)));
        assertThat(chains).hasSize(2);
        assertThat(chains.get(0).steps()).extracting(IterationChains.Step::id).containsExactly("a", "b", "c");
        assertThat(chains.get(1).steps()).extracting(IterationChains.Step::id).containsExactly("a", "d");
        var steps = chains.get(0).steps();
        assertThat(steps.get(0).changeFromPrevious()).isNull();
        assertThat(steps.get(1).changeFromPrevious()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(steps.get(1).improvedOnPrevious()).isTrue();
        assertThat(steps.get(2).improvedOnPrevious()).isFalse();
        // d has no results: its value and the change are unknown, not zero
        assertThat(chains.get(1).steps().get(1).bestTreatment()).isNull();
        assertThat(chains.get(1).steps().get(1).improvedOnPrevious()).isNull();
    }

    @Test
    void whenIterationOfFormsACycleThenNoChainLoopsAndNothingHangs() {
        List<Pilot> cycle = List.of(
                pilot("x", "RUNNING", null, null, null, "y"),
                pilot("y", "RUNNING", null, null, null, "x"),
                pilot("self", "RUNNING", null, null, null, "self"),
                pilot("root", "COMPLETED", "ITERATE", null, null, null),
                pilot("r1", "RUNNING", null, null, null, "root"));
        var chains = IterationChains.of(cycle, Map.of());
        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).steps()).extracting(IterationChains.Step::id).containsExactly("root", "r1");
    }

    @Test
    void whenActivePilotsRecommendThenOnlyScaleOrStopWaitAndTheLongestWaitingComesFirst() {
        List<Pilot> pilots = List.of(
                pilot("scale", "RUNNING", null, "2026-11-02T12:00:00Z", null, null),
                pilot("stop", "PAUSED", null, "2026-11-22T00:00:00Z", null, null),
                pilot("iterate", "RUNNING", null, "2026-11-01T00:00:00Z", null, null),
                pilot("done", "COMPLETED", "SCALE", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", null));
        Map<String, PilotResults> outcomes = Map.of(
                "scale", outcome("SCALE", 0.7),
                "stop", outcome("STOP", 0.3),
                "iterate", outcome("ITERATE", 0.5),
                "done", outcome("SCALE", 0.7));
        var waiting = PortfolioCalculator.waiting(
                pilots, outcomes, Map.of("stop", Instant.parse("2026-11-30T00:00:00Z")), NOW);
        assertThat(waiting).extracting(Portfolio.Waiting::id).containsExactly("stop", "scale");
        assertThat(waiting.get(0).waitingDays()).isEqualTo(2.5);
        assertThat(waiting.get(0).runningDays()).isEqualTo(10.5);
        assertThat(waiting.get(1).recommendingSince()).isNull();
        assertThat(waiting.get(1).waitingDays()).isNull();
        assertThat(waiting.get(1).runningDays()).isEqualTo(30.0);
    }

    @Test
    void whenCountingThenEveryKeyAppearsInOrder() {
        assertThat(PortfolioCalculator.count(
                        ExperimentStatus.values(),
                        List.of(ExperimentStatus.RUNNING, ExperimentStatus.RUNNING, ExperimentStatus.DRAFT)))
                .containsExactly(
                        Map.entry("DRAFT", 1L),
                        Map.entry("RUNNING", 2L),
                        Map.entry("PAUSED", 0L),
                        Map.entry("COMPLETED", 0L),
                        Map.entry("ARCHIVED", 0L));
    }
}

package lab.like.metrics.results;

import static lab.like.metrics.results.Fixtures.NOW;
import static lab.like.metrics.results.Fixtures.counts;
import static lab.like.metrics.results.Fixtures.day;
import static lab.like.metrics.results.Fixtures.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Starters per day over the last 7 UTC days and the days until a decision (API.md, progress). */
class ProgressTest {

    // NOW is 2026-11-27
    @Test
    void whenTenDaysOfTrafficThenTheRateIsTheLastSevenDaysIncludingToday() {
        List<VariantCounts> daily = new ArrayList<>();
        for (int d = 18; d <= 27; d++) {
            // 10 starters a day before the window, 20 within it (21st to 27th)
            long starters = d >= 21 ? 20 : 10;
            daily.add(day("control", "2026-11-" + d, starters, starters, starters / 2, 0, 0));
            daily.add(day("simplified", "2026-11-" + d, starters, starters, starters / 2, 0, 0));
        }
        var results = ResultsCalculator.calculate(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 170, 170, 85, 0, 0), counts("simplified", 170, 170, 85, 0, 0)),
                daily,
                NOW);
        assertThat(results.progress().variants())
                .containsExactly(
                        new Progress.VariantProgress("control", 170, 100, 20.0),
                        new Progress.VariantProgress("simplified", 170, 100, 20.0));
        // no difference at all: nothing to detect
        assertThat(results.progress().estimatedDaysToDecision()).isNull();
    }

    @Test
    void whenTheExperimentStartedThreeDaysAgoThenTheRateIsOverThoseThreeDays() {
        List<VariantCounts> daily = List.of(
                day("control", "2026-11-25", 30, 30, 15, 0, 0),
                day("control", "2026-11-27", 15, 15, 8, 0, 0),
                day("simplified", "2026-11-26", 9, 9, 5, 0, 0));
        var results = ResultsCalculator.calculate(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 45, 45, 23, 0, 0), counts("simplified", 9, 9, 5, 0, 0)),
                daily,
                NOW);
        assertThat(results.progress().variants())
                .extracting(Progress.VariantProgress::startersPerDay)
                .containsExactly(15.0, 3.0);
    }

    @Test
    void whenFixedHorizonThenTheDaysAreThoseUntilTheObservedLiftWouldBeSignificant() {
        // 60% against 70% on 100 starters each, 10 starters a day per variant over the last week
        var results = ResultsCalculator.calculate(
                experiment(false, List.of(), "simplified"),
                List.of(counts("control", 100, 100, 60, 0, 0), counts("simplified", 100, 100, 70, 0, 0)),
                week(10),
                NOW);
        // z grows with the square root of the sample: n * (1.96 / z)^2 starters per variant are needed
        double pooled = 0.65;
        double z = 0.10 / Math.sqrt(pooled * (1 - pooled) * 2 / 100);
        double critical = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        double needed = 100 * Math.pow(critical / z, 2);
        long expected = (long) Math.ceil((needed - 100) / 10);
        assertThat(results.progress().estimatedDaysToDecision()).isBetween(expected - 1, expected);
    }

    @Test
    void whenStartersAreMissingThenTheDaysCoverReachingTheMinimumFirst() {
        // a large lift, already significant, but the control has only 40 of its 100 starters at 5 a day
        var results = ResultsCalculator.calculate(
                experiment(false, List.of(), "simplified"),
                List.of(counts("control", 40, 40, 4, 0, 0), counts("simplified", 200, 200, 180, 0, 0)),
                List.of(
                        day("control", "2026-11-21", 35, 35, 3, 0, 0),
                        day("simplified", "2026-11-21", 200, 200, 180, 0, 0)),
                NOW);
        // 35 control starters over 7 days is 5 a day: 60 missing take 12 days
        assertThat(results.progress().estimatedDaysToDecision()).isEqualTo(12);
    }

    @Test
    void whenThereIsNoTrafficThenNoEstimate() {
        var results = ResultsCalculator.calculate(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 40, 40, 10, 0, 0), counts("simplified", 40, 40, 30, 0, 0)),
                List.of(),
                NOW);
        assertThat(results.progress().variants())
                .allSatisfy(v -> assertThat(v.startersPerDay()).isZero());
        assertThat(results.progress().estimatedDaysToDecision()).isNull();
    }

    @Test
    void whenAlreadyDecidableThenZeroDays() {
        var results = ResultsCalculator.calculate(
                experiment(true, List.of(), "simplified"),
                List.of(counts("control", 5000, 5000, 2500, 0, 0), counts("simplified", 5000, 5000, 3000, 0, 0)),
                week(100),
                NOW);
        assertThat(results.progress().estimatedDaysToDecision()).isZero();
    }

    private static List<VariantCounts> week(long perDay) {
        List<VariantCounts> daily = new ArrayList<>();
        for (int d = 21; d <= 27; d++) {
            daily.add(day("control", "2026-11-" + d, perDay, perDay, 0, 0, 0));
            daily.add(day("simplified", "2026-11-" + d, perDay, perDay, 0, 0, 0));
        }
        return daily;
    }
}

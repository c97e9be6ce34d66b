package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo proof of the error rates, on the pure statistics (fixed seeds, so the figures are reproducible).
 * Each simulated pilot runs 30 days with 34 starters per variant per day (1,020 per variant at the end) and is
 * looked at once a day; it stops at the first look whose test is significant.
 */
class ErrorRateSimulationTest {

    static final int EXPERIMENTS = 2_000;
    static final int DAYS = 30;
    static final int PER_DAY = 34;

    /** Outcome of one simulated pilot under each rule. */
    record Run(boolean fixedAtEnd, boolean fixedPeeking, boolean sequentialPeeking, boolean sequentialPeekingBetter) {}

    @Test
    void aaExperimentsKeepTheFixedHorizonAtFivePercentOnceButNotWhenPeekedAtWhileTheSequentialTestStaysValid() {
        SplittableRandom random = new SplittableRandom(20261127L);
        int fixedAtEnd = 0;
        int fixedPeeking = 0;
        int sequentialPeeking = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            Run run = simulate(random, 0.60, 0.60);
            if (run.fixedAtEnd()) fixedAtEnd++;
            if (run.fixedPeeking()) fixedPeeking++;
            if (run.sequentialPeeking()) sequentialPeeking++;
        }
        double fixedOnce = (double) fixedAtEnd / EXPERIMENTS;
        double fixedDaily = (double) fixedPeeking / EXPERIMENTS;
        double sequentialDaily = (double) sequentialPeeking / EXPERIMENTS;
        System.out.printf(
                "A/A, %d pilots: fixed-horizon looked at once %.2f%%, daily for %d days %.2f%%;"
                        + " always-valid daily %.2f%%%n",
                EXPERIMENTS, fixedOnce * 100, DAYS, fixedDaily * 100, sequentialDaily * 100);
        assertThat(fixedOnce).isBetween(0.035, 0.065);
        assertThat(fixedDaily).isGreaterThan(0.12);
        assertThat(sequentialDaily).isLessThanOrEqualTo(0.05);
    }

    @Test
    void theSequentialTestStillDetectsATenPointLiftWithAThousandStartersPerVariantInMostRuns() {
        SplittableRandom random = new SplittableRandom(7L);
        int detected = 0;
        int fixedDetected = 0;
        for (int i = 0; i < EXPERIMENTS; i++) {
            Run run = simulate(random, 0.50, 0.60);
            if (run.sequentialPeekingBetter()) detected++;
            if (run.fixedAtEnd()) fixedDetected++;
        }
        double power = (double) detected / EXPERIMENTS;
        System.out.printf(
                "50%% -> 60%%, %d starters per variant: always-valid power (daily looks) %.1f%%,"
                        + " fixed-horizon power (one look at the end) %.1f%%%n",
                DAYS * PER_DAY, power * 100, 100.0 * fixedDetected / EXPERIMENTS);
        assertThat(power).isGreaterThan(0.5);
    }

    private static Run simulate(SplittableRandom random, double controlRate, double treatmentRate) {
        long xc = 0;
        long xt = 0;
        long n = 0;
        boolean fixedPeeking = false;
        boolean sequentialPeeking = false;
        boolean sequentialBetter = false;
        boolean fixedAtEnd = false;
        for (int day = 1; day <= DAYS; day++) {
            for (int s = 0; s < PER_DAY; s++) {
                if (random.nextDouble() < controlRate) xc++;
                if (random.nextDouble() < treatmentRate) xt++;
            }
            n += PER_DAY;
            double p = TwoProportions.pValue(xc, n, xt, n);
            Sequential sequential = ConfidenceSequence.of(xc, n, xt, n);
            if (p < 0.05) fixedPeeking = true;
            if (sequential.pValue() < 0.05 && !sequentialPeeking) {
                sequentialPeeking = true;
                sequentialBetter = xt > xc;
            }
            if (day == DAYS) fixedAtEnd = p < 0.05;
        }
        return new Run(fixedAtEnd, fixedPeeking, sequentialPeeking, sequentialBetter);
    }
}

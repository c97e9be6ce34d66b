package lab.like.metrics.results;

/**
 * Always-valid inference for the difference of two proportions: the asymptotic confidence sequence of
 * Waudby-Smith et al. ("Time-uniform central limit theory and asymptotic confidence sequences", 2021; the
 * normal-mixture boundary of Howard et al. 2021), as GrowthBook and Eppo use it. With {@code N} subjects in the
 * two arms, {@code d} the observed difference and {@code V} its variance, the 95% sequence is
 * {@code d ± sqrt(N V) sqrt(2 (N rho² + 1) / (N² rho²) ln(sqrt(N rho² + 1) / alpha))}, valid at every look at
 * once. The p-value is the smallest alpha whose sequence excludes 0, in closed form
 * {@code min(1, sqrt(N rho² + 1) exp(-d² N rho² / (2 V (N rho² + 1))))}. {@code rho} makes the sequence
 * narrowest at {@link #TUNING} subjects: {@code rho² = (-2 ln alpha + ln(1 - 2 ln alpha)) / TUNING}.
 */
final class ConfidenceSequence {

    static final double ALPHA = 0.05;
    /** The sample size (both arms together) at which the sequence is tightest; GrowthBook's default. */
    static final double TUNING = 5_000;

    static final double RHO_SQUARED = (-2 * Math.log(ALPHA) + Math.log(1 - 2 * Math.log(ALPHA))) / TUNING;

    private ConfidenceSequence() {}

    /** The always-valid p-value and 95% confidence sequence of treatment - control; counts must be positive. */
    static Sequential of(long xControl, long nControl, long xTreatment, long nTreatment) {
        double n = (double) nControl + nTreatment;
        double pc = (double) xControl / nControl;
        double pt = (double) xTreatment / nTreatment;
        double difference = pt - pc;
        double variance = variance(xControl, nControl, xTreatment, nTreatment);
        double nRho = n * RHO_SQUARED;
        if (variance == 0) return new Sequential(1.0, new double[] {difference, difference});
        double half = Math.sqrt(n * variance)
                * Math.sqrt(2 * (nRho + 1) / (n * nRho) * Math.log(Math.sqrt(nRho + 1) / ALPHA));
        double p = Math.sqrt(nRho + 1) * Math.exp(-difference * difference * nRho / (2 * variance * (nRho + 1)));
        // a difference of two proportions lies in [-1, 1]
        return new Sequential(
                Math.min(1.0, p), new double[] {Math.max(-1.0, difference - half), Math.min(1.0, difference + half)});
    }

    /**
     * The unpooled variance of the difference, or the pooled one when the unpooled is 0 (0% or 100% in both
     * arms), so that a sequence never collapses to a point while the arms disagree.
     */
    private static double variance(long xControl, long nControl, long xTreatment, long nTreatment) {
        double pc = (double) xControl / nControl;
        double pt = (double) xTreatment / nTreatment;
        double unpooled = pt * (1 - pt) / nTreatment + pc * (1 - pc) / nControl;
        if (unpooled > 0) return unpooled;
        double pooled = (double) (xControl + xTreatment) / (nControl + nTreatment);
        return pooled * (1 - pooled) * (1.0 / nControl + 1.0 / nTreatment);
    }
}

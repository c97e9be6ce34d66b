package lab.like.metrics.results;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** API.md comparison of a treatment proportion with the control's. */
final class TwoProportions {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportions() {}

    /** Two-sided pooled two-proportion z-test; 1 when there is no variance at all. */
    static double pValue(long xControl, long nControl, long xTreatment, long nTreatment) {
        double pooled = (double) (xControl + xTreatment) / (nControl + nTreatment);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nControl + 1.0 / nTreatment));
        if (se == 0) return 1.0;
        double z = ((double) xTreatment / nTreatment - (double) xControl / nControl) / se;
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /** Unpooled (Wald) 95% interval of treatment - control. */
    static double[] waldInterval(long xControl, long nControl, long xTreatment, long nTreatment) {
        double pc = (double) xControl / nControl;
        double pt = (double) xTreatment / nTreatment;
        double half = Wilson.Z * Math.sqrt(pt * (1 - pt) / nTreatment + pc * (1 - pc) / nControl);
        return new double[] {pt - pc - half, pt - pc + half};
    }
}

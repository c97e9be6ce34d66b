package lab.like.metrics.results;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * P(treatment rate > control rate) under independent Beta(1, 1) priors, so posteriors Beta(x + 1, n - x + 1).
 * Exact (Evan Miller's closed form, a finite sum) when one of the four posterior parameters is at most
 * {@link #EXACT_TERMS}; otherwise the normal approximation of the difference of the two posteriors, whose error
 * there is below 1e-4 (checked against SciPy's numerical integration, ChanceToBeatReferenceTest).
 */
final class ChanceToBeat {

    static final int EXACT_TERMS = 1_000;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final double RESCALE = 1e-200;
    private static final double LOG_RESCALE = Math.log(RESCALE);

    private ChanceToBeat() {}

    static double of(long xControl, long nControl, long xTreatment, long nTreatment) {
        double ac = xControl + 1.0;
        double bc = nControl - xControl + 1.0;
        double at = xTreatment + 1.0;
        double bt = nTreatment - xTreatment + 1.0;
        double fewest = Math.min(Math.min(ac, bc), Math.min(at, bt));
        if (fewest > EXACT_TERMS) return normal(ac, bc, at, bt);
        // P(T > C) = 1 - P(C > T); and with the rates' complements, P(T > C) = P(1 - C > 1 - T)
        if (fewest == at) return greater(ac, bc, at, bt);
        if (fewest == ac) return 1 - greater(at, bt, ac, bc);
        if (fewest == bc) return greater(bt, at, bc, ac);
        return 1 - greater(bc, ac, bt, at);
    }

    /**
     * P(B > A) = sum over i < alphaB of B(alphaA + i, betaA + betaB) / ((betaB + i) B(1 + i, betaB) B(alphaA,
     * betaA)); successive terms differ by the factor (alphaA + i)(betaB + i) / ((alphaA + betaA + betaB + i)(1 +
     * i)), so only the first needs the beta function.
     */
    private static double greater(double alphaA, double betaA, double alphaB, double betaB) {
        double logFirst = LogBeta.value(alphaA, betaA + betaB) - LogBeta.value(alphaA, betaA);
        double logScale = 0;
        double term = 1;
        double sum = 0;
        for (int i = 0; i < alphaB; i++) {
            sum += term;
            term *= (alphaA + i) * (betaB + i) / ((alphaA + betaA + betaB + i) * (1 + i));
            if (sum > 1e200) {
                sum *= RESCALE;
                term *= RESCALE;
                logScale -= LOG_RESCALE;
            }
        }
        return clamp(Math.exp(logFirst + logScale + Math.log(sum)));
    }

    private static double normal(double ac, double bc, double at, double bt) {
        double meanC = ac / (ac + bc);
        double meanT = at / (at + bt);
        double varianceC = ac * bc / ((ac + bc) * (ac + bc) * (ac + bc + 1));
        double varianceT = at * bt / ((at + bt) * (at + bt) * (at + bt + 1));
        return STANDARD_NORMAL.cumulativeProbability((meanT - meanC) / Math.sqrt(varianceC + varianceT));
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}

package lab.like.metrics.results;

/**
 * One treatment against the control on one KPI (API.md): pooled z-test p-value, Wald interval of the
 * difference, significant when p < 0.05; beside them the Holm-adjusted p-value, the always-valid p-value and
 * confidence sequence, and the Bayesian chance to beat the control. Values are null when either side has a zero
 * denominator.
 */
public record Comparison(
        String variant,
        String kpi,
        Double control,
        Double treatment,
        Double absoluteLift,
        Double relativeLift,
        double[] ci95,
        Double pValue,
        boolean significant,
        Double adjustedPValue,
        Sequential sequential,
        Double chanceToBeatControl) {

    static final double ALPHA = 0.05;

    static Comparison of(String variant, String kpi, KpiEstimate control, KpiEstimate treatment) {
        if (control.value() == null || treatment.value() == null) {
            return new Comparison(
                    variant, kpi, control.value(), treatment.value(), null, null, null, null, false, null, null, null);
        }
        long nc = control.denominator();
        long nt = treatment.denominator();
        // a count above its denominator (subjects above eligiblePopulation) is tested as a rate of 100%
        long xc = Math.min(control.numerator(), nc);
        long xt = Math.min(treatment.numerator(), nt);
        double lift = treatment.value() - control.value();
        double p = TwoProportions.pValue(xc, nc, xt, nt);
        return new Comparison(
                variant,
                kpi,
                control.value(),
                treatment.value(),
                lift,
                control.value() == 0 ? null : lift / control.value(),
                TwoProportions.waldInterval(xc, nc, xt, nt),
                p,
                p < ALPHA,
                p,
                ConfidenceSequence.of(xc, nc, xt, nt),
                ChanceToBeat.of(xc, nc, xt, nt));
    }

    Comparison withAdjustedPValue(double adjusted) {
        return new Comparison(
                variant,
                kpi,
                control,
                treatment,
                absoluteLift,
                relativeLift,
                ci95,
                pValue,
                significant,
                adjusted,
                sequential,
                chanceToBeatControl);
    }

    boolean hasData() {
        return pValue != null;
    }

    /**
     * API.md's decisive p-value: the always-valid one under sequential testing, else the Holm-adjusted one for
     * the primary KPI and the plain one for a guardrail (which errs towards safety).
     */
    double decisivePValue(boolean sequentialTesting, boolean primary) {
        if (!hasData()) return 1.0;
        if (sequentialTesting) return sequential.pValue();
        return primary ? adjustedPValue : pValue;
    }

    boolean significantlyBetter(boolean sequentialTesting, boolean primary) {
        return hasData() && absoluteLift > 0 && decisivePValue(sequentialTesting, primary) < ALPHA;
    }

    boolean significantlyWorse(boolean sequentialTesting, boolean primary) {
        return hasData() && absoluteLift < 0 && decisivePValue(sequentialTesting, primary) < ALPHA;
    }
}

package lab.like.metrics.results;

/**
 * One treatment against the control on one KPI (API.md): pooled z-test p-value, Wald interval of the
 * difference, significant when p < 0.05. Values are null when either side has a zero denominator.
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
        boolean significant) {

    static Comparison of(String variant, String kpi, Kpi control, Kpi treatment) {
        if (control.value() == null || treatment.value() == null) {
            return new Comparison(variant, kpi, control.value(), treatment.value(), null, null, null, null, false);
        }
        double lift = treatment.value() - control.value();
        double p = TwoProportions.pValue(
                control.numerator(), control.denominator(), treatment.numerator(), treatment.denominator());
        return new Comparison(
                variant,
                kpi,
                control.value(),
                treatment.value(),
                lift,
                control.value() == 0 ? null : lift / control.value(),
                TwoProportions.waldInterval(
                        control.numerator(), control.denominator(), treatment.numerator(), treatment.denominator()),
                p,
                p < 0.05);
    }

    boolean significantlyBetter() {
        return significant && absoluteLift != null && absoluteLift > 0;
    }

    boolean significantlyWorse() {
        return significant && absoluteLift != null && absoluteLift < 0;
    }
}

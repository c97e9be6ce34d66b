package lab.like.metrics.results;

/** One KPI of one variant: value (null on a zero denominator), its parts and the Wilson 95% interval. */
public record KpiEstimate(Double value, long numerator, long denominator, double[] ci95) {

    public static KpiEstimate of(long numerator, long denominator) {
        return new KpiEstimate(
                denominator == 0 ? null : (double) numerator / denominator,
                numerator,
                denominator,
                Wilson.interval(numerator, denominator));
    }
}

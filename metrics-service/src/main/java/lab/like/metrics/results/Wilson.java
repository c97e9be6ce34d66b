package lab.like.metrics.results;

/** The Wilson score interval for a binomial proportion at 95%. */
public final class Wilson {

    static final double Z = 1.959963984540054;

    private Wilson() {}

    /** [low, high] for {@code successes} out of {@code trials}; null when there are no trials. */
    public static double[] interval(long successes, long trials) {
        if (trials <= 0) return null;
        double n = trials;
        double p = Math.min(1.0, Math.max(0.0, successes / n));
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
    }
}

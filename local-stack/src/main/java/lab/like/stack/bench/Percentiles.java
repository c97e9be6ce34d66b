package lab.like.stack.bench;

import java.util.Arrays;

/** Nearest-rank percentiles over recorded samples. */
final class Percentiles {

    private Percentiles() {}

    static double of(long[] samples, int count, double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}

package lab.like.metrics.results;

import java.util.List;
import org.apache.commons.statistics.inference.ChiSquareTest;

/** Sample ratio mismatch: chi-square goodness of fit of subjects per variant against the weights. */
public record Srm(double pValue, boolean mismatch) {

    static final double THRESHOLD = 0.001;

    static Srm of(List<Long> subjects, List<Integer> weights) {
        long total = subjects.stream().mapToLong(Long::longValue).sum();
        if (total == 0 || subjects.size() < 2) return new Srm(1.0, false);
        double[] expected = weights.stream().mapToDouble(w -> total * w / 100.0).toArray();
        long[] observed = subjects.stream().mapToLong(Long::longValue).toArray();
        double p = ChiSquareTest.withDefaults().test(expected, observed).getPValue();
        return new Srm(p, p < THRESHOLD);
    }
}

package lab.like.metrics.portfolio;

import java.util.ArrayList;
import java.util.List;
import lab.like.metrics.pilots.Pilot;

/** Days from start to decision of the decided pilots: how many, the median and a distribution in buckets. */
public final class DecisionTimes {

    /** Bucket bounds in days: [0, 7), [7, 14), [14, 30), [30, 60), [60, 90), [90, open). */
    static final int[] BOUNDS = {0, 7, 14, 30, 60, 90};

    /** {@code toDays} null: the open last bucket. */
    record Bucket(int fromDays, Integer toDays, long count) {}

    /** {@code medianDays} null when nothing was decided. */
    public record Summary(long decided, Double medianDays, List<Bucket> distribution) {}

    private DecisionTimes() {}

    static Summary of(List<Pilot> pilots) {
        List<Double> days = pilots.stream()
                .filter(p -> p.decision() != null && p.startedAt() != null && p.completedAt() != null)
                .map(p -> Days.exact(p.startedAt(), p.completedAt()))
                .sorted()
                .toList();
        long[] counts = new long[BOUNDS.length];
        for (double d : days) {
            int bucket = 0;
            while (bucket + 1 < BOUNDS.length && d >= BOUNDS[bucket + 1]) bucket++;
            counts[bucket]++;
        }
        List<Bucket> distribution = new ArrayList<>();
        for (int i = 0; i < BOUNDS.length; i++) {
            distribution.add(new Bucket(BOUNDS[i], i + 1 < BOUNDS.length ? BOUNDS[i + 1] : null, counts[i]));
        }
        return new Summary(days.size(), median(days), distribution);
    }

    private static Double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) return null;
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Days.round(m);
    }
}

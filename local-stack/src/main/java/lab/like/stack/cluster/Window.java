package lab.like.stack.cluster;

import java.util.Arrays;

/** Latencies and counts since the last {@link #drain()}: one sampling interval of a load run. */
final class Window {

    /** What one interval saw: requests, failures, units (events), p50 and p99 latency in ms. */
    record Sample(long requests, long failures, long units, double p50Ms, double p99Ms) {}

    private long[] latencies = new long[1024];
    private int count;
    private long failures;
    private long units;
    private long totalRequests;
    private long totalFailures;

    synchronized void success(long nanos, long unitCount) {
        if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
        latencies[count++] = nanos;
        units += unitCount;
        totalRequests++;
    }

    synchronized void failure() {
        failures++;
        totalFailures++;
        totalRequests++;
    }

    synchronized Sample drain() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        Sample sample = new Sample(count + failures, failures, units, percentile(sorted, 50), percentile(sorted, 99));
        count = 0;
        failures = 0;
        units = 0;
        return sample;
    }

    synchronized long totalRequests() {
        return totalRequests;
    }

    synchronized long totalFailures() {
        return totalFailures;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}

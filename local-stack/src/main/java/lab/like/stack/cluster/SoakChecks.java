package lab.like.stack.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's verdicts, each with its rule stated: no errors; per service no growth of the heap after GC and of
 * live threads after the warm-up (the first fifth of the run, at least one minute); the consumer lag bounded (its
 * peak in the second half of the run no higher than 1.5 times the first half's plus one second of events) and
 * drained once the load stops.
 */
record SoakChecks(List<Check> checks) {

    /** One verdict: what, the measured figure, the rule, pass or not. */
    record Check(String name, String measured, String rule, boolean passed) {}

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    static SoakChecks of(
            List<SoakSample> samples,
            List<String> services,
            double rate,
            long errors,
            double drainSeconds,
            Duration duration) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(
                "errors",
                Long.toString(errors),
                "0 (failed or refused requests, rejected events, stream errors)",
                errors == 0));
        double warmUp = Math.max(60, duration.toSeconds() / 5.0);
        List<SoakSample> steady =
                samples.stream().filter(s -> s.seconds() >= warmUp).toList();
        for (String service : services) {
            List<double[]> gc = steady.stream()
                    .filter(s -> !Double.isNaN(s.heapAfterGcMb().getOrDefault(service, Double.NaN)))
                    .map(s -> new double[] {s.seconds(), s.heapAfterGcMb().get(service)})
                    .toList();
            if (gc.size() < 2) {
                checks.add(new Check(
                        service + " heap after GC", "fewer than 2 readings after the warm-up", "≥ 2 readings", false));
            } else {
                double first = gc.get(0)[1];
                double last = gc.get(gc.size() - 1)[1];
                double allowed = Math.max(16, 0.10 * first);
                checks.add(new Check(
                        service + " heap after GC",
                        String.format(
                                "%.1f → %.1f MB (%+.1f MB; slope %+.2f MB/min over %d readings)",
                                first, last, last - first, slopePerMinute(gc), gc.size()),
                        String.format("growth ≤ %.1f MB (max of 16 MB and 10%%)", allowed),
                        last - first <= allowed));
            }
            List<Double> threads = steady.stream()
                    .map(s -> s.threads().getOrDefault(service, Double.NaN))
                    .filter(v -> !Double.isNaN(v))
                    .toList();
            if (threads.size() < 2) {
                checks.add(new Check(service + " threads", "no readings", "readings", false));
            } else {
                double first = threads.get(0);
                double last = threads.get(threads.size() - 1);
                double max =
                        threads.stream().mapToDouble(Double::doubleValue).max().orElse(first);
                checks.add(new Check(
                        service + " live threads",
                        String.format("%.0f → %.0f (max %.0f)", first, last, max),
                        "growth ≤ 5",
                        last - first <= 5));
            }
        }
        double half = steady.isEmpty()
                ? 0
                : (steady.get(0).seconds() + steady.get(steady.size() - 1).seconds()) / 2;
        long firstHalf = steady.stream()
                .filter(s -> s.seconds() < half)
                .mapToLong(SoakSample::consumerLag)
                .max()
                .orElse(0);
        long secondHalf = steady.stream()
                .filter(s -> s.seconds() >= half)
                .mapToLong(SoakSample::consumerLag)
                .max()
                .orElse(0);
        double bound = 1.5 * firstHalf + rate;
        checks.add(new Check(
                "consumer lag bounded",
                String.format("peak %,d records in the first half, %,d in the second", firstHalf, secondHalf),
                String.format("second ≤ 1.5 × first + 1 s of events (%,.0f)", bound),
                secondHalf <= bound));
        checks.add(new Check(
                "lag drained",
                String.format("every event counted %.1f s after the load stopped", drainSeconds),
                "within 180 s",
                drainSeconds < 180));
        return new SoakChecks(checks);
    }

    private static double slopePerMinute(List<double[]> points) {
        double n = points.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 60;
    }
}

package lab.like.metrics.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.like.metrics.pilots.Pilot;

/** Decisions per UTC calendar quarter (by {@code completedAt}), from the first decision's quarter to now. */
public final class LearningRate {

    /** One quarter, e.g. {@code 2026-Q4}, with its decisions by outcome. */
    record Quarter(String quarter, long decisions, long scale, long iterate, long stop) {}

    /** {@code decisionsPerQuarter}: decisions in the current and the three previous quarters, divided by 4. */
    public record Summary(double decisionsPerQuarter, List<Quarter> quarters) {}

    private LearningRate() {}

    static Summary of(List<Pilot> pilots, Instant now) {
        Map<Integer, long[]> byQuarter = new TreeMap<>();
        for (Pilot p : pilots) {
            if (p.decision() == null || p.completedAt() == null) continue;
            long[] c = byQuarter.computeIfAbsent(index(p.completedAt()), k -> new long[3]);
            switch (p.decision().outcome()) {
                case SCALE -> c[0]++;
                case ITERATE -> c[1]++;
                case STOP -> c[2]++;
            }
        }
        int current = index(now);
        List<Quarter> quarters = new ArrayList<>();
        long recent = 0;
        if (!byQuarter.isEmpty()) {
            int first = Math.min(byQuarter.keySet().iterator().next(), current);
            int last = Math.max(((TreeMap<Integer, long[]>) byQuarter).lastKey(), current);
            for (int q = first; q <= last; q++) {
                long[] c = byQuarter.getOrDefault(q, new long[3]);
                long total = c[0] + c[1] + c[2];
                quarters.add(new Quarter(name(q), total, c[0], c[1], c[2]));
                if (q > current - 4 && q <= current) recent += total;
            }
        }
        return new Summary(recent / 4.0, quarters);
    }

    private static int index(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return day.getYear() * 4 + day.get(IsoFields.QUARTER_OF_YEAR) - 1;
    }

    private static String name(int index) {
        return (index / 4) + "-Q" + (index % 4 + 1);
    }
}

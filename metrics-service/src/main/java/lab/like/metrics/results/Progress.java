package lab.like.metrics.results;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the experiment is from a decision (API.md): per variant the starters so far against
 * {@code minimumStarters} and the starters per day over the last 7 UTC days (today included, fewer days when
 * the experiment's first counted day is more recent), and the days until a decision at that rate.
 */
public record Progress(List<VariantProgress> variants, Long estimatedDaysToDecision) {

    static final int WINDOW_DAYS = 7;

    /** One variant's starters, the minimum it needs and its recent rate. */
    public record VariantProgress(String variant, long starters, long minimumStarters, double startersPerDay) {}

    static Progress of(
            List<VariantResult> variants,
            List<VariantCounts> daily,
            long minimumStarters,
            LocalDate today,
            DecisionHorizon horizon) {
        // ISO dates order as strings, so the window is compared without parsing every row
        String first =
                daily.stream().map(VariantCounts::day).min(String::compareTo).orElse(today.toString());
        LocalDate from = today.minusDays(WINDOW_DAYS - 1L);
        if (first.compareTo(from.toString()) > 0) from = LocalDate.parse(first);
        long days = Math.max(1, from.until(today).getDays() + 1L);
        String start = from.toString();
        String end = today.toString();
        Map<String, Long> recent = new HashMap<>();
        for (VariantCounts d : daily) {
            if (d.day().compareTo(start) >= 0 && d.day().compareTo(end) <= 0) {
                recent.merge(d.variant(), d.counts().starters(), Long::sum);
            }
        }
        List<VariantProgress> progress = variants.stream()
                .map(v -> new VariantProgress(
                        v.variant(),
                        v.counts().starters(),
                        minimumStarters,
                        recent.getOrDefault(v.variant(), 0L) / (double) days))
                .toList();
        return new Progress(progress, horizon.days(progress));
    }
}

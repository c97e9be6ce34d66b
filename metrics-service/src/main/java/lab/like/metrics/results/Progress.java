package lab.like.metrics.results;

import java.time.LocalDate;
import java.util.List;

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
        LocalDate from = today.minusDays(WINDOW_DAYS - 1L);
        LocalDate first = daily.stream()
                .map(VariantCounts::day)
                .map(LocalDate::parse)
                .min(LocalDate::compareTo)
                .orElse(today);
        if (first.isAfter(from)) from = first;
        long days = Math.max(1, from.until(today).getDays() + 1L);
        LocalDate start = from;
        List<VariantProgress> progress = variants.stream()
                .map(v -> new VariantProgress(
                        v.variant(),
                        v.starters(),
                        minimumStarters,
                        daily.stream()
                                        .filter(d -> d.variant().equals(v.variant()))
                                        .filter(d -> !LocalDate.parse(d.day()).isBefore(start))
                                        .filter(d -> !LocalDate.parse(d.day()).isAfter(today))
                                        .mapToLong(VariantCounts::starters)
                                        .sum()
                                / (double) days))
                .toList();
        return new Progress(progress, horizon.days(progress));
    }
}

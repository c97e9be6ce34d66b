package lab.like.metrics.results;

import java.time.Instant;
import java.util.List;
import lab.like.metrics.aggregation.Counts;

/** The same counts per UTC day and variant. */
public record DailyResults(String experimentId, Instant asOf, List<Row> rows) {

    public static final List<String> CSV_COLUMNS = List.of(
            "day",
            "variant",
            "subjects",
            "starters",
            "completers",
            "abandoners",
            "completions",
            "digitalCompletions",
            "feedbackResponses",
            "satisfiedResponses",
            "meanScore",
            "medianDurationMs",
            "p90DurationMs");

    /** One UTC day of one variant; in JSON like {@link VariantResult}: the counts top-level, no scoreSum. */
    public record Row(
            String day, String variant, Counts counts, Double meanScore, Long medianDurationMs, Long p90DurationMs) {

        public static Row of(VariantCounts v) {
            return new Row(
                    v.day(), v.variant(), v.counts(), v.counts().meanScore(), v.medianDurationMs(), v.p90DurationMs());
        }

        List<Object> values() {
            Counts c = counts;
            return List.of(
                    day,
                    variant,
                    c.subjects(),
                    c.starters(),
                    c.completers(),
                    c.abandoners(),
                    c.completions(),
                    c.digitalCompletions(),
                    c.feedbackResponses(),
                    c.satisfiedResponses(),
                    meanScore == null ? "" : meanScore,
                    medianDurationMs == null ? "" : medianDurationMs,
                    p90DurationMs == null ? "" : p90DurationMs);
        }
    }

    /**
     * RFC 4180 CSV: a header line, CRLF line ends, and a field quoted (with its quotes doubled) when it holds a
     * comma, a quote or a line break; an unknown value is an empty field.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Row row : rows) {
            csv.append(String.join(
                            ",", row.values().stream().map(DailyResults::field).toList()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String field(Object value) {
        String text = String.valueOf(value);
        boolean quoted =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

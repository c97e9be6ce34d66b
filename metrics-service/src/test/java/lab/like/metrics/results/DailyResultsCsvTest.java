package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import lab.like.metrics.aggregation.Counts;
import org.junit.jupiter.api.Test;

/** results/daily as RFC 4180 CSV: header, CRLF, every value, quoting where a field needs it. */
class DailyResultsCsvTest {

    @Test
    void whenRowsThenEveryValueIsWrittenInColumnOrderWithEmptyFieldsForUnknowns() {
        var daily = new DailyResults(
                "exp",
                Instant.parse("2026-11-27T10:00:00Z"),
                List.of(
                        new DailyResults.Row(
                                "2026-11-26",
                                "control",
                                new Counts(10, 9, 7, 2, 8, 6, 4, 3, 0),
                                4.25,
                                180000L,
                                420000L),
                        new DailyResults.Row(
                                "2026-11-27", "simplified", new Counts(1, 0, 0, 0, 0, 0, 0, 0, 0), null, null, null)));
        assertThat(daily.toCsv())
                .isEqualTo("day,variant,subjects,starters,completers,abandoners,completions,digitalCompletions,"
                        + "feedbackResponses,satisfiedResponses,meanScore,medianDurationMs,p90DurationMs\r\n"
                        + "2026-11-26,control,10,9,7,2,8,6,4,3,4.25,180000,420000\r\n"
                        + "2026-11-27,simplified,1,0,0,0,0,0,0,0,,,\r\n");
    }

    @Test
    void whenAFieldHoldsACommaAQuoteOrALineBreakThenItIsQuotedWithQuotesDoubled() {
        var daily = new DailyResults(
                "exp",
                Instant.parse("2026-11-27T10:00:00Z"),
                List.of(new DailyResults.Row(
                        "2026-11-26", "a,\"b\"\nc", new Counts(1, 1, 1, 0, 1, 1, 0, 0, 0), null, 5L, 5L)));
        assertThat(daily.toCsv().lines().skip(1).findFirst().orElseThrow()).isEqualTo("2026-11-26,\"a,\"\"b\"\"");
        assertThat(daily.toCsv()).endsWith("\r\n2026-11-26,\"a,\"\"b\"\"\nc\",1,1,1,0,1,1,0,0,,5,5\r\n");
        assertThat(DailyResults.field("plain")).isEqualTo("plain");
        assertThat(DailyResults.field("x\ry")).isEqualTo("\"x\ry\"");
    }
}

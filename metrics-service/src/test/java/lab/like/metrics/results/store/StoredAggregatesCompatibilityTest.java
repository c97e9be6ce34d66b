package lab.like.metrics.results.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.results.VariantCounts;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * {@code aggregates} documents as the projection wrote them before {@link Counts} existed (extended JSON, so every
 * number keeps its int64 type) read into the same totals; a document without some counter reads it as 0.
 */
class StoredAggregatesCompatibilityTest {

    static final String STORED =
            "{\"_id\": \"exp-1|control|2026-11-27\", \"experimentId\": \"exp-1\", \"variant\": \"control"
                    + "\", \"day\": \"2026-11-27\", \"version\": {\"$numberLong\": \"7\"}, \"subjects\": {\"$numberLo"
                    + "ng\": \"3\"}, \"starters\": {\"$numberLong\": \"2\"}, \"completers\": {\"$numberLong\": \"2\"},"
                    + " \"abandoners\": {\"$numberLong\": \"1\"}, \"completions\": {\"$numberLong\": \"2\"}, \"digit"
                    + "alCompletions\": {\"$numberLong\": \"1\"}, \"feedbackResponses\": {\"$numberLong\": \"2\"},"
                    + " \"satisfiedResponses\": {\"$numberLong\": \"1\"}, \"scoreSum\": {\"$numberLong\": \"6\"}, \""
                    + "medianDurationMs\": {\"$numberLong\": \"1200\"}, \"p90DurationMs\": {\"$numberLong\": \"12"
                    + "00\"}, \"durationSketch\": {\"$binary\": {\"base64\": \"DsLx5+ntUfA/AAAAAAAAAAAFAsoFAmoC"
                    + "\", \"subType\": \"00\"}}, \"lastEventAt\": {\"$date\": {\"$numberLong\": \"1764000006000\"}}"
                    + ", \"emittedAt\": {\"$date\": {\"$numberLong\": \"1795773600300\"}}}";

    static final String STORED_EMPTY =
            "{\"_id\": \"exp-1|b|\", \"experimentId\": \"exp-1\", \"variant\": \"b\", \"day\": null, \"versi"
                    + "on\": {\"$numberLong\": \"0\"}, \"subjects\": {\"$numberLong\": \"0\"}, \"starters\": {\"$numb"
                    + "erLong\": \"0\"}, \"completers\": {\"$numberLong\": \"0\"}, \"abandoners\": {\"$numberLong\":"
                    + " \"0\"}, \"completions\": {\"$numberLong\": \"0\"}, \"digitalCompletions\": {\"$numberLong\""
                    + ": \"0\"}, \"feedbackResponses\": {\"$numberLong\": \"0\"}, \"satisfiedResponses\": {\"$numb"
                    + "erLong\": \"0\"}, \"scoreSum\": {\"$numberLong\": \"0\"}, \"medianDurationMs\": null, \"p90D"
                    + "urationMs\": null, \"durationSketch\": {\"$binary\": {\"base64\": \"\", \"subType\": \"00\"}}"
                    + ", \"lastEventAt\": {\"$date\": {\"$numberLong\": \"0\"}}, \"emittedAt\": {\"$date\": {\"$numb"
                    + "erLong\": \"1795773600300\"}}}";

    @Test
    void whenADocumentWrittenBeforeCountsIsReadThenEveryCounterIsKept() {
        VariantCounts counts = ResultsRepository.counts(Document.parse(STORED));
        assertThat(counts)
                .isEqualTo(new VariantCounts(
                        "control",
                        "2026-11-27",
                        7,
                        new Counts(3, 2, 2, 1, 2, 1, 2, 1, 6),
                        1200L,
                        1200L,
                        Instant.parse("2026-11-27T10:00:00.300Z")));
        assertThat(ResultsRepository.counts(Document.parse(STORED_EMPTY)))
                .isEqualTo(new VariantCounts(
                        "b", null, 0, Counts.ZERO, null, null, Instant.parse("2026-11-27T10:00:00.300Z")));
    }

    @Test
    void whenACounterIsMissingThenItReadsAsZero() {
        Document older = Document.parse(STORED);
        older.remove("digitalCompletions");
        older.remove("scoreSum");
        assertThat(ResultsRepository.counts(older).counts()).isEqualTo(new Counts(3, 2, 2, 1, 2, 0, 2, 1, 0));
    }
}

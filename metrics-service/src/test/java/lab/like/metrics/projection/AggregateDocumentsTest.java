package lab.like.metrics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import lab.like.metrics.aggregation.json.AggregateMessage;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projection writes the same {@code aggregates} document as before {@code Counts} existed: same fields, same
 * order, same BSON types (the literals were written by that code from the same kpi-aggregates records).
 */
class AggregateDocumentsTest {

    static final JsonWriterSettings EXTENDED =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    static final String MESSAGE =
            "{\"schemaVersion\":1,\"experimentId\":\"exp-1\",\"variant\":\"control\",\"day\":\"2026-11-27\""
                    + ",\"version\":7,\"subjects\":3,\"starters\":2,\"completers\":2,\"abandoners\":1,\"completion"
                    + "s\":2,\"digitalCompletions\":1,\"feedbackResponses\":2,\"satisfiedResponses\":1,\"scoreS"
                    + "um\":6,\"medianDurationMs\":1200,\"p90DurationMs\":1200,\"durationSketch\":\"DsLx5+ntUfA"
                    + "/AAAAAAAAAAAFAsoFAmoC\",\"lastEventAt\":\"2025-11-24T16:00:06Z\",\"emittedAt\":\"2026-11"
                    + "-27T10:00:00.300Z\"}";

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

    static final String EMPTY_TOTALS_MESSAGE =
            "{\"schemaVersion\":1,\"experimentId\":\"exp-1\",\"variant\":\"b\",\"day\":null,\"version\":0,\""
                    + "subjects\":0,\"starters\":0,\"completers\":0,\"abandoners\":0,\"completions\":0,\"digitalC"
                    + "ompletions\":0,\"feedbackResponses\":0,\"satisfiedResponses\":0,\"scoreSum\":0,\"medianD"
                    + "urationMs\":null,\"p90DurationMs\":null,\"durationSketch\":\"\",\"lastEventAt\":\"1970-01-"
                    + "01T00:00:00Z\",\"emittedAt\":\"2026-11-27T10:00:00.300Z\"}";

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

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenAMessageIsProjectedThenTheDocumentIsTheOneWrittenBefore() {
        Document doc = AggregateDocuments.aggregate(
                "exp-1|control|2026-11-27", json.readValue(MESSAGE, AggregateMessage.class));
        assertThat(doc.toJson(EXTENDED)).isEqualTo(STORED);
        assertThat(doc).isEqualTo(Document.parse(STORED));
        Document empty =
                AggregateDocuments.aggregate("exp-1|b|", json.readValue(EMPTY_TOTALS_MESSAGE, AggregateMessage.class));
        assertThat(empty.toJson(EXTENDED)).isEqualTo(STORED_EMPTY);
    }
}

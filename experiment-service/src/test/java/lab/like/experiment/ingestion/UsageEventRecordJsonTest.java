package lab.like.experiment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import lab.like.experiment.ingestion.domain.UsageEventRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pins the value of the {@code usage-events} topic (CONTRACTS.md, docs/schemas/usage-event.schema.json). */
class UsageEventRecordJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whenSerialisedThenTheTopicRecordHasExactlyTheContractFields() {
        UsageEventRecord record = new UsageEventRecord(
                1,
                "e-1",
                "exp-1",
                "wLP0Y5tIwxy_h0QOVThywg",
                "simplified",
                "complete",
                "web",
                Instant.parse("2026-11-27T10:00:00Z"),
                184000L,
                null,
                Instant.parse("2026-11-27T10:00:01Z"));
        JsonNode node = JSON.readTree(JSON.writeValueAsString(record));
        assertThat(node).isEqualTo(JSON.readTree("""
                {"schemaVersion": 1, "eventId": "e-1", "experimentId": "exp-1", "subjectHash": "wLP0Y5tIwxy_h0QOVThywg",
                 "variant": "simplified", "type": "complete", "channel": "web", "occurredAt": "2026-11-27T10:00:00Z",
                 "durationMs": 184000, "score": null, "receivedAt": "2026-11-27T10:00:01Z"}"""));
        assertThat(JSON.readValue(JSON.writeValueAsString(record), UsageEventRecord.class))
                .isEqualTo(record);
    }
}

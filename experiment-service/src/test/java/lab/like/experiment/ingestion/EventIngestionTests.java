package lab.like.experiment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lab.like.experiment.assignment.Assigner;
import lab.like.experiment.support.IntegrationTest;
import lab.like.experiment.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class EventIngestionTests extends IntegrationTest {

    private static final String EVENTS = "/api/v1/events";

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenMixedBatchThenValidEventsPublishedPseudonymisedAndInvalidOnesExplained(CapturedOutput logs) {
        String id = team().running(Map.of());
        String subject = "citizen-" + UUID.randomUUID();
        double acceptedBefore = meters.counter("likelab.events.accepted").count();
        double unknownVariantBefore = meters.counter("likelab.events.rejected", "reason", "unknown-variant")
                .count();
        List<Map<String, Object>> batch = List.of(
                event(id, "e-1", subject, Map.of("variant", "simplified", "type", "start")),
                event(id, "e-2", subject, Map.of("type", "complete", "durationMs", 184000, "channel", "app")),
                event(id, "e-3", subject, Map.of("variant", "x")),
                event(id, "e-4", subject, Map.of("type", "feedback", "score", 5)));

        team().postJson(EVENTS, batch)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(3)
                .jsonPath("$.rejected.length()")
                .isEqualTo(1)
                .jsonPath("$.rejected[0].index")
                .isEqualTo(2)
                .jsonPath("$.rejected[0].eventId")
                .isEqualTo("e-3")
                .jsonPath("$.rejected[0].reason")
                .value(String.class, r -> assertThat(r).startsWith("unknown variant 'x'"))
                .jsonPath("$.rejected[0].code")
                .doesNotExist();

        String expectedVariant = Assigner.variantFor(
                List.of(
                        new lab.like.experiment.registry.domain.Variant("control", 50),
                        new lab.like.experiment.registry.domain.Variant("simplified", 50)),
                Assigner.bucket(saltOf(id), subject));
        try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), "usage-events")) {
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                mine.clear();
                reader.poll().stream().filter(r -> id.equals(r.key())).forEach(mine::add);
                assertThat(mine).hasSize(3);
            });
            for (ConsumerRecord<String, byte[]> record : mine) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(subject);
            }
            Map<String, JsonNode> byEventId = new HashMap<>();
            mine.forEach(r -> {
                JsonNode node = json.readTree(r.value());
                byEventId.put(node.get("eventId").stringValue(), node);
            });
            JsonNode completed = byEventId.get("e-2");
            assertThat(completed.get("schemaVersion").intValue()).isEqualTo(1);
            assertThat(completed.get("experimentId").stringValue()).isEqualTo(id);
            assertThat(completed.get("subjectHash").stringValue()).hasSize(22);
            assertThat(completed.get("variant").stringValue()).isEqualTo(expectedVariant);
            assertThat(completed.get("channel").stringValue()).isEqualTo("app");
            assertThat(completed.get("durationMs").longValue()).isEqualTo(184000);
            assertThat(completed.get("receivedAt").stringValue()).isNotEmpty();
            assertThat(byEventId.get("e-1").get("variant").stringValue()).isEqualTo("simplified");
            assertThat(byEventId.get("e-1").get("channel").stringValue()).isEqualTo("web");
            assertThat(byEventId.get("e-4").get("score").intValue()).isEqualTo(5);
            assertThat(byEventId.get("e-1").get("subjectHash").stringValue())
                    .isEqualTo(completed.get("subjectHash").stringValue());
        }
        assertThat(meters.counter("likelab.events.accepted").count() - acceptedBefore)
                .isEqualTo(3);
        assertThat(meters.counter("likelab.events.rejected", "reason", "unknown-variant")
                                .count()
                        - unknownVariantBefore)
                .isEqualTo(1);
        assertThat(meters.get("likelab.events.publish").timer().count()).isPositive();
        assertThat(logs.getAll()).doesNotContain(subject);
    }

    @Test
    void whenEventBreaksARuleThenTheReasonSaysWhich() {
        String running = team().running(Map.of());
        String draft = team().create();
        String foreign = otherTeam().running(Map.of());
        Instant now = Instant.now();
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(event(running, "", "s", Map.of()));
        batch.add(event(draft, "e-draft", "s", Map.of()));
        batch.add(event(foreign, "e-foreign", "s", Map.of()));
        batch.add(event("exp-nope", "e-unknown", "s", Map.of()));
        batch.add(event(running, "e-type", "s", Map.of("type", "click")));
        batch.add(event(running, "e-channel", "s", Map.of("channel", "fax")));
        batch.add(event(
                running,
                "e-future",
                "s",
                Map.of("occurredAt", now.plusSeconds(600).toString())));
        batch.add(event(
                running,
                "e-old",
                "s",
                Map.of("occurredAt", now.minus(Duration.ofDays(31)).toString())));
        batch.add(event(running, "e-date", "s", Map.of("occurredAt", "yesterday")));
        batch.add(event(running, "e-duration", "s", Map.of("type", "start", "durationMs", 5)));
        batch.add(event(running, "e-duration-range", "s", Map.of("type", "complete", "durationMs", 86_400_001)));
        batch.add(event(running, "e-noscore", "s", Map.of("type", "feedback")));
        batch.add(event(running, "e-score-range", "s", Map.of("type", "feedback", "score", 6)));
        batch.add(event(running, "e-score-elsewhere", "s", Map.of("score", 3)));
        batch.add(event(running, "e-extra", "s", Map.of("colour", "blue")));
        batch.add(event(running, "e-subject", "x".repeat(201), Map.of()));
        batch.add(Map.of("note", "not an event"));
        List<Object> body = new ArrayList<>(batch);
        body.add("a string");
        body.add(event(running, "e-ok", "s", Map.of()));

        JsonNode response = team().postJson(EVENTS, body)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(response.get("accepted").intValue()).isEqualTo(1);
        assertThat(response.get("rejected").size()).isEqualTo(18);
        assertThat(response.get("rejected").get(1).get("eventId").stringValue()).isEqualTo("e-draft");
        assertThat(response.get("rejected").get(17).get("index").intValue()).isEqualTo(17);
        List<String> reasons = reasons(response);
        assertThat(reasons.get(0)).contains("eventId must be a string of 1 to 100 characters");
        assertThat(reasons.get(1)).contains("is DRAFT, not RUNNING");
        assertThat(reasons.get(2)).isEqualTo("unknown experiment '" + foreign + "'");
        assertThat(reasons.get(3)).isEqualTo("unknown experiment 'exp-nope'");
        assertThat(reasons.get(4)).contains("type 'click' is not one of");
        assertThat(reasons.get(5)).contains("channel 'fax' is not one of");
        assertThat(reasons.get(6)).contains("minutes in the future");
        assertThat(reasons.get(7)).contains("days old");
        assertThat(reasons.get(8)).contains("ISO-8601");
        assertThat(reasons.get(9)).contains("durationMs is allowed only on 'complete'");
        assertThat(reasons.get(10)).contains("durationMs must be an integer from 0 to 86400000");
        assertThat(reasons.get(11)).contains("score is required on 'feedback'");
        assertThat(reasons.get(12)).contains("score must be an integer from 1 to 5");
        assertThat(reasons.get(13)).contains("score is allowed only on 'feedback'");
        assertThat(reasons.get(14)).contains("unknown field 'colour'");
        assertThat(reasons.get(15)).contains("subjectId must be a string of 1 to 200");
        assertThat(reasons.get(16)).contains("eventId is required");
        assertThat(reasons.get(17)).isEqualTo("event must be a JSON object");
    }

    @Test
    void whenBatchIsEmptyTooLargeOrNotAnArrayThenProblem() {
        team().postJson(EVENTS, List.of())
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:validation")
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains("1 to 1000 events"));
        String id = team().running(Map.of());
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(event(id, "e-" + i, "s-" + i, Map.of()));
        }
        team().postJson(EVENTS, tooMany)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(String.class, m -> assertThat(m).contains("1001 events"));
        team().postJson(EVENTS, tooMany.subList(0, 1000))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(1000);
        team().postJson(EVENTS, Map.of("eventId", "e-1")).expectStatus().isBadRequest();
        web.post()
                .uri(EVENTS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void whenBodyExceedsTheSizeLimitThen413Problem() {
        String id = team().running(Map.of());
        List<Map<String, Object>> big = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            big.add(event(id, "e-" + i, "x".repeat(200), Map.of("variant", "y".repeat(2000))));
        }
        team().postJson(EVENTS, big)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:payload-too-large");
    }

    @Test
    void whenInjectionShapedFieldsThenRejectedOrTreatedAsData() {
        String id = team().running(Map.of());
        List<Map<String, Object>> batch = List.of(
                event(Map.of("$gt", ""), "e-op-id", "s", Map.of()),
                event("{\"$where\": \"1 == 1\"}", "e-where", "s", Map.of()),
                event(id, "e-subject-op", Map.of("$ne", "x"), Map.of()),
                event(id, "{\"$gt\": \"\"}", "$where: function() { return true }", Map.of()));
        List<String> reasons = reasons(team().postJson(EVENTS, batch)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody());
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).contains("experimentId must be a string");
        assertThat(reasons.get(1)).isEqualTo("unknown experiment '{\"$where\": \"1 == 1\"}'");
        assertThat(reasons.get(2)).contains("subjectId must be a string");
        team().post()
                .uri("/api/v1/experiments/{id}/assignments", "{\"$gt\":\"\"}")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subjectId", "s"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String saltOf(String id) {
        try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), "experiments")) {
            String[] salt = new String[1];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var found =
                        reader.poll().stream().filter(r -> id.equals(r.key())).toList();
                assertThat(found).isNotEmpty();
                salt[0] = json.readTree(found.get(found.size() - 1).value())
                        .get("salt")
                        .stringValue();
            });
            return salt[0];
        }
    }

    private static List<String> reasons(JsonNode response) {
        List<String> reasons = new ArrayList<>();
        response.get("rejected").forEach(r -> reasons.add(r.get("reason").stringValue()));
        return reasons;
    }

    static Map<String, Object> event(Object experimentId, String eventId, Object subjectId, Map<String, Object> extra) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", eventId);
        event.put("experimentId", experimentId);
        event.put("subjectId", subjectId);
        event.put("type", "exposure");
        event.put("occurredAt", Instant.now().minusSeconds(5).toString());
        event.putAll(extra);
        return event;
    }
}

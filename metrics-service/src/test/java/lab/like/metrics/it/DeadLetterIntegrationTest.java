package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Every rule on the Kafka path: dead-lettered with its reason, never counted. */
class DeadLetterIntegrationTest extends IntegrationTestBase {

    @Test
    void whenEventsBreakTheRulesThenDeadLetteredWithReasonAndNeverCounted() {
        Scenario running =
                new Scenario("exp-dlt-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        Scenario draft =
                new Scenario("exp-draft-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(running, "RUNNING");
        publish(draft, "DRAFT");
        String id = running.experimentId;
        String now = Instant.now().toString();
        String ok = "\"experimentId\":\"" + id + "\",\"subjectId\":\"s-1\",\"occurredAt\":\"" + now + "\"";
        Map<String, String[]> bad = new java.util.LinkedHashMap<>();
        bad.put("malformed", new String[] {id, "{\"eventId\": \"x\", oops"});
        bad.put("invalid-field", new String[] {id, "{" + ok + ",\"type\":\"start\"}"}); // no eventId
        bad.put("invalid-field:type", new String[] {id, "{\"eventId\":\"d2\"," + ok + ",\"type\":\"click\"}"});
        bad.put(
                "invalid-field:score",
                new String[] {id, "{\"eventId\":\"d3\"," + ok + ",\"type\":\"start\",\"score\":4}"});
        bad.put("invalid-field:feedback", new String[] {id, "{\"eventId\":\"d4\"," + ok + ",\"type\":\"feedback\"}"});
        bad.put(
                "invalid-field:duration",
                new String[] {id, "{\"eventId\":\"d5\"," + ok + ",\"type\":\"start\",\"durationMs\":5}"});
        bad.put(
                "invalid-field:channel",
                new String[] {id, "{\"eventId\":\"d6\"," + ok + ",\"type\":\"start\",\"channel\":\"fax\"}"});
        bad.put(
                "unknown-variant",
                new String[] {id, "{\"eventId\":\"d7\"," + ok + ",\"type\":\"start\",\"variant\":\"zzz\"}"});
        bad.put("out-of-window", new String[] {
            id,
            "{\"eventId\":\"d8\",\"experimentId\":\"" + id
                    + "\",\"subjectId\":\"s-1\",\"type\":\"start\",\"occurredAt\":\""
                    + Instant.now().minus(31, ChronoUnit.DAYS) + "\"}"
        });
        bad.put("not-running", new String[] {
            draft.experimentId,
            "{\"eventId\":\"d9\",\"experimentId\":\"" + draft.experimentId
                    + "\",\"subjectId\":\"s-1\",\"type\":\"start\",\"occurredAt\":\"" + now + "\"}"
        });
        bad.put("unknown-experiment", new String[] {
            "exp-nope",
            "{\"eventId\":\"d10\",\"experimentId\":\"exp-nope\""
                    + ",\"subjectId\":\"s-1\",\"type\":\"start\",\"occurredAt\":\"" + now + "\"}"
        });
        bad.put("key-mismatch", new String[] {"other-key", "{\"eventId\":\"d11\"," + ok + ",\"type\":\"start\"}"});
        for (var entry : bad.values()) {
            TestInfra.send(producer, "usage-events", entry[0], entry[1].getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5; i++) {
            TestInfra.send(
                    producer,
                    "usage-events",
                    id,
                    ("{\"eventId\":\"ok-" + i + "\"," + ok + ",\"type\":\"start\"}").getBytes(StandardCharsets.UTF_8));
        }
        producer.flush();

        Map<String, String> reasonByValue = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("usage-events.dlt"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("likelab-dlt-reason");
                    reasonByValue.put(
                            new String(record.value(), StandardCharsets.UTF_8),
                            header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                for (var entry : bad.entrySet()) {
                    assertThat(reasonByValue).containsKey(entry.getValue()[1]);
                    String tag = entry.getKey().split(":")[0];
                    assertThat(reasonByValue.get(entry.getValue()[1])).startsWith(tag + ":");
                }
            });
        }
        awaitCounted(id, 5);
        assertThat(get("/api/v1/experiments/" + draft.experimentId + "/results", "demo")
                        .path("eventsCounted")
                        .asLong())
                .isZero();
        String prometheus = text("/actuator/prometheus");
        assertThat(prometheus)
                .contains(
                        "likelab_metrics_events_dead_lettered_total{application=\"metrics-service\",reason=\"malformed\"}")
                .contains("likelab_metrics_events_counted_total");
    }

    @Test
    void whenRunningThenOverallHealthIsUpAndNamesOnlyWorkingContributors() {
        String health = text("/actuator/health");
        // Spring Boot's own MongoDB indicator (`hello`, unknown to mongo-java-server) would make this DOWN
        assertThat(health).contains("\"status\":\"UP\"").doesNotContain("\"mongodb\"");
    }
}

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

/**
 * Every rule on the Kafka path, on the demo organisation's topic: dead-lettered with its reason, never counted,
 * and no raw subject id in the dead-letter topic or in the parked store's changelog.
 */
class DeadLetterIntegrationTest extends IntegrationTestBase {

    static final String RAW_ID = "citizen-raw-7f3a";

    @Test
    void whenEventsBreakTheRulesThenDeadLetteredWithReasonNeverCountedAndNoRawIdKept() {
        Scenario running =
                new Scenario("exp-dlt-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        Scenario draft =
                new Scenario("exp-draft-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        Scenario foreign =
                new Scenario("exp-other-" + UUID.randomUUID(), "other", List.of("control", "b"), List.of(50, 50));
        publish(running, "RUNNING");
        publish(draft, "DRAFT");
        publish(foreign, "RUNNING");
        String id = running.experimentId;
        String now = Instant.now().toString();
        String ok = "\"experimentId\":\"" + id + "\",\"subjectId\":\"" + RAW_ID + "\",\"occurredAt\":\"" + now + "\"";
        // eventId -> {record key, value, expected reason}
        Map<String, String[]> bad = new java.util.LinkedHashMap<>();
        bad.put("<none>", new String[] {id, "{\"eventId\": \"x\", \"subjectId\": \"" + RAW_ID + "\", oops", "malformed"
        });
        bad.put("d1", new String[] {id, "{\"eventId\":\"d1\"," + ok + ",\"type\":\"click\"}", "invalid-field"});
        bad.put(
                "d2",
                new String[] {id, "{\"eventId\":\"d2\"," + ok + ",\"type\":\"start\",\"score\":4}", "invalid-field"});
        bad.put(
                "d3",
                new String[] {id, "{\"eventId\":\"d3\"," + ok + ",\"type\":\"start\",\"extra\":1}", "unknown-field"});
        bad.put("d4", new String[] {
            id,
            "{\"eventId\":\"d4\"," + ok + ",\"type\":\"start\",\"subjectHash\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
            "unknown-field"
        });
        bad.put("d5", new String[] {
            id, "{\"eventId\":\"d5\"," + ok + ",\"type\":\"start\",\"variant\":\"zzz\"}", "unknown-variant"
        });
        bad.put("d6", new String[] {
            id,
            "{\"eventId\":\"d6\",\"experimentId\":\"" + id + "\",\"subjectId\":\"" + RAW_ID
                    + "\",\"type\":\"start\",\"occurredAt\":\"" + Instant.now().minus(31, ChronoUnit.DAYS) + "\"}",
            "out-of-window"
        });
        // parked for the grace (its experiment may start a moment later), then dead-lettered
        bad.put("d7", new String[] {
            draft.experimentId,
            "{\"eventId\":\"d7\",\"experimentId\":\"" + draft.experimentId + "\",\"subjectId\":\"" + RAW_ID
                    + "\",\"type\":\"start\",\"occurredAt\":\"" + now + "\"}",
            "not-running"
        });
        bad.put("d8", new String[] {
            "exp-nope",
            "{\"eventId\":\"d8\",\"experimentId\":\"exp-nope\",\"subjectId\":\"" + RAW_ID
                    + "\",\"variant\":\"b\",\"type\":\"start\",\"occurredAt\":\"" + now + "\"}",
            "unknown-experiment"
        });
        bad.put("d9", new String[] {"other-key", "{\"eventId\":\"d9\"," + ok + ",\"type\":\"start\"}", "key-mismatch"});
        bad.put("d10", new String[] {
            foreign.experimentId,
            "{\"eventId\":\"d10\",\"experimentId\":\"" + foreign.experimentId + "\",\"subjectId\":\"" + RAW_ID
                    + "\",\"type\":\"start\",\"occurredAt\":\"" + now + "\"}",
            "foreign-experiment"
        });
        for (var entry : bad.values()) {
            TestInfra.send(producer, "usage-events.demo", entry[0], entry[1].getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5; i++) {
            TestInfra.send(
                    producer,
                    "usage-events.demo",
                    id,
                    ("{\"eventId\":\"ok-" + i + "\"," + ok + ",\"type\":\"start\"}").getBytes(StandardCharsets.UTF_8));
        }
        producer.flush();

        Map<String, String> reasonByEventId = new HashMap<>();
        List<String> deadValues = new java.util.ArrayList<>();
        try (var consumer = consumer(List.of("usage-events.dlt"))) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("likelab-dlt-reason");
                    String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    String eventId = value == null
                            ? (key.equals(id) ? "<none>" : "")
                            : Scenario.JSON.readTree(value).path("eventId").asString("");
                    if (!bad.containsKey(eventId)) continue; // another test's dead letter
                    if (value != null) deadValues.add(value);
                    reasonByEventId.put(
                            eventId, header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                assertThat(reasonByEventId).containsOnlyKeys(bad.keySet());
            });
        }
        bad.forEach((eventId, entry) ->
                assertThat(reasonByEventId.get(eventId)).as(eventId).startsWith(entry[2] + ":"));
        // HmacSHA256 under Scenario.SECRET, made once with python3 hmac (the command is in ScenarioOracleTest)
        String hash = "HNaj4C8uJltuWyDAxzoW3g";
        assertThat(deadValues)
                .hasSize(bad.size() - 1)
                .allSatisfy(v -> assertThat(v).doesNotContain(RAW_ID).contains(hash));
        awaitCounted(id, 5);
        assertThat(get("/api/v1/experiments/" + draft.experimentId + "/results", "demo")
                        .path("eventsCounted")
                        .asLong())
                .isZero();
        assertThat(get("/api/v1/experiments/" + foreign.experimentId + "/results", "other")
                        .path("eventsCounted")
                        .asLong())
                .isZero();

        // the parked store's changelog holds what waited (d7, d8) and their removal: never the raw id
        List<String> parked = new java.util.ArrayList<>();
        try (var consumer = consumer(List.of("likelab-metrics-parked-changelog"))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) parked.add(new String(record.value(), StandardCharsets.ISO_8859_1));
                }
                assertThat(parked.stream()
                                .filter(v -> v.contains("\"eventId\":\"d7\"") || v.contains("\"eventId\":\"d8\"")))
                        .hasSize(2);
            });
        }
        assertThat(parked).allSatisfy(v -> assertThat(v).doesNotContain(RAW_ID));
        String prometheus = text("/actuator/prometheus");
        assertThat(prometheus)
                .contains(
                        "likelab_metrics_events_dead_lettered_total{application=\"metrics-service\",reason=\"malformed\"}")
                .contains(
                        "likelab_metrics_events_dead_lettered_total{application=\"metrics-service\",reason=\"foreign-experiment\"}")
                .contains("likelab_metrics_events_counted_total");
    }

    KafkaConsumer<byte[], byte[]> consumer(List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        return consumer;
    }

    @Test
    void whenRunningThenOverallHealthIsUpAndNamesOnlyWorkingContributors() {
        String health = text("/actuator/health");
        // Spring Boot's own MongoDB indicator (`hello`, unknown to mongo-java-server) would make this DOWN
        assertThat(health).contains("\"status\":\"UP\"").doesNotContain("\"mongodb\"");
    }
}

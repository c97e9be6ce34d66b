package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 3,
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"},
        bootstrapServersProperty = "likelab.metrics.bootstrap-servers")
class AggregationIntegrationTest {

    static final MongoServer MONGO = TestInfra.startMongo();
    static final String ORG = "X-LikeLab-Organisation";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfra.mongoUri(MONGO));
        registry.add("likelab.metrics.state-dir", TestInfra::uniqueStateDir);
        registry.add("likelab.metrics.subject-secret", () -> Scenario.SECRET);
        registry.add("likelab.metrics.emit-interval", () -> "200ms");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Value("${likelab.metrics.bootstrap-servers}")
    String brokers;

    WebTestClient http;
    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void setUp() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        producer = TestInfra.producer(brokers);
    }

    @org.junit.jupiter.api.AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    JsonNode get(String path, String organisation) {
        String body = http.get()
                .uri(path)
                .header(ORG, organisation)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Scenario.JSON.readTree(body);
    }

    void publish(Scenario scenario, String status) {
        TestInfra.send(producer, "experiments", scenario.experimentId, scenario.experimentJson(status));
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                .uri("/api/v1/experiments/{id}/results", scenario.experimentId)
                .header(ORG, "*")
                .exchange()
                .expectStatus()
                .isOk());
    }

    void awaitCounted(String experimentId, long events) {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(get("/api/v1/experiments/" + experimentId + "/results", "demo")
                                .path("eventsCounted")
                                .asLong())
                        .isEqualTo(events));
    }

    @Test
    void whenThreeVariantsThousandsOfSubjectsAndDuplicatesThenEveryCountIsExact() {
        Scenario scenario =
                new Scenario("exp-big-" + UUID.randomUUID(), "demo", List.of("control", "b", "c"), List.of(34, 33, 33));
        publish(scenario, "RUNNING");
        List<Scenario.Sent> events = scenario.journeys(3000, 42, Instant.now());
        int half = events.size() / 2;
        List<Scenario.Sent> sent = new ArrayList<>();
        // first batch: the first half, with every tenth event sent twice in the same batch (another representation)
        for (int i = 0; i < half; i++) {
            var e = events.get(i);
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(e, i % 3));
            sent.add(e);
            if (i % 10 == 0) {
                TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(e, (i + 1) % 3));
                sent.add(e);
            }
        }
        producer.flush();
        awaitCounted(
                scenario.experimentId,
                Scenario.expected(sent, false).values().stream()
                        .mapToLong(c -> c.get("events"))
                        .sum());
        // second batch: the rest, plus every fifth event of the first half again (late duplicates)
        for (int i = half; i < events.size(); i++) {
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 3));
            sent.add(events.get(i));
        }
        for (int i = 0; i < half; i += 5) {
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), 2));
            sent.add(events.get(i));
        }
        producer.flush();

        var expected = Scenario.expected(sent, false);
        long total = expected.values().stream().mapToLong(c -> c.get("events")).sum();
        assertThat(total).isEqualTo(events.size());
        awaitCounted(scenario.experimentId, total);

        JsonNode results = get("/api/v1/experiments/" + scenario.experimentId + "/results", "demo");
        assertThat(results.path("status").asString()).isEqualTo("RUNNING");
        assertThat(results.path("primaryKpi").asString()).isEqualTo("completion_rate");
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        var durations = Scenario.durations(sent);
        for (JsonNode v : results.path("variants")) {
            actual.put(v.path("variant").asString(), counts(v));
            var exact = durations.get(v.path("variant").asString());
            assertThat(v.path("medianDurationMs").asDouble())
                    .isCloseTo(
                            exact.get((int) (0.5 * (exact.size() - 1))),
                            org.assertj.core.api.Assertions.withinPercentage(2));
            assertThat(v.path("p90DurationMs").asDouble())
                    .isCloseTo(
                            exact.get((int) (0.9 * (exact.size() - 1))),
                            org.assertj.core.api.Assertions.withinPercentage(2));
            JsonNode completion = v.path("kpis").path("completion_rate");
            assertThat(completion.path("numerator").asLong())
                    .isEqualTo(v.path("completers").asLong());
            assertThat(completion.path("denominator").asLong())
                    .isEqualTo(v.path("starters").asLong());
            assertThat(completion.path("ci95").size()).isEqualTo(2);
            assertThat(v.path("kpis").path("adoption_rate").path("denominator").asLong())
                    .isEqualTo(12000);
            assertThat(v.path("meanScore").asDouble())
                    .isEqualTo(
                            (double) expected.get(v.path("variant").asString()).get("scoreSum")
                                    / expected.get(v.path("variant").asString()).get("feedbackResponses"));
        }
        expected.values().forEach(c -> c.remove("scoreSum"));
        expected.values().forEach(c -> c.remove("events"));
        assertThat(actual).isEqualTo(expected);
        assertThat(results.path("variants").size()).isEqualTo(3);
        assertThat(results.path("comparisons").size()).isEqualTo(4); // 2 treatments x (primary + 1 guardrail)
        assertThat(results.path("srm").path("pValue").isNumber()).isTrue();
        assertThat(results.path("recommendation").path("outcome").asString())
                .isIn("KEEP_RUNNING", "STOP", "SCALE", "ITERATE");

        var expectedDaily = Scenario.expected(sent, true);
        expectedDaily.values().forEach(c -> {
            c.remove("scoreSum");
            c.remove("events");
        });
        JsonNode daily = get("/api/v1/experiments/" + scenario.experimentId + "/results/daily", "demo");
        Map<String, Map<String, Long>> actualDaily = new TreeMap<>();
        for (JsonNode row : daily.path("rows")) {
            actualDaily.put(
                    row.path("day").asString() + "|" + row.path("variant").asString(), counts(row));
        }
        assertThat(actualDaily).isEqualTo(expectedDaily);

        String csv = http.get()
                .uri("/api/v1/experiments/{id}/results/daily", scenario.experimentId)
                .header(ORG, "demo")
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("day,variant,subjects,starters,completers");
        assertThat(lines).hasSize(expectedDaily.size() + 1);
    }

    static Map<String, Long> counts(JsonNode v) {
        Map<String, Long> c = new TreeMap<>();
        for (String k : List.of(
                "subjects",
                "starters",
                "completers",
                "abandoners",
                "completions",
                "digitalCompletions",
                "feedbackResponses",
                "satisfiedResponses")) {
            c.put(k, v.path(k).asLong());
        }
        return c;
    }

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
        String prometheus = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(prometheus)
                .contains(
                        "likelab_metrics_events_dead_lettered_total{application=\"metrics-service\",reason=\"malformed\"}")
                .contains("likelab_metrics_events_counted_total");
    }

    @Test
    void whenNoEventsThenEveryDeclaredVariantAppearsWithZerosAndNullValues() {
        Scenario quiet = new Scenario(
                "exp-quiet-" + UUID.randomUUID(), "demo", List.of("control", "b", "c"), List.of(40, 30, 30));
        publish(quiet, "RUNNING");
        JsonNode results = get("/api/v1/experiments/" + quiet.experimentId + "/results", "demo");
        assertThat(results.path("eventsCounted").asLong()).isZero();
        assertThat(results.path("variants")).hasSize(3);
        JsonNode control = results.path("variants").get(0);
        assertThat(control.path("variant").asString()).isEqualTo("control");
        assertThat(control.path("subjects").asLong()).isZero();
        assertThat(control.has("medianDurationMs")).isTrue();
        assertThat(control.path("medianDurationMs").isNull()).isTrue();
        assertThat(control.path("meanScore").isNull()).isTrue();
        assertThat(control.path("kpis").path("completion_rate").path("value").isNull())
                .isTrue();
        assertThat(control.path("kpis").path("adoption_rate").path("value").asDouble())
                .isZero();
    }

    @Test
    void whenStreamingResultsThenFirstEventIsTheCurrentDocument() {
        Scenario streamed =
                new Scenario("exp-sse-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(streamed, "RUNNING");
        var first = http.get()
                .uri("/api/v1/experiments/{id}/results/stream", streamed.experimentId)
                .header(ORG, "demo")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .blockFirst(Duration.ofSeconds(20));
        assertThat(Scenario.JSON.readTree(first).path("experimentId").asString())
                .isEqualTo(streamed.experimentId);
        http.get()
                .uri("/api/v1/experiments/{id}/results/stream", streamed.experimentId)
                .header(ORG, "other")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenAnOlderDefinitionArrivesLateThenTheNewestVersionStays() {
        Scenario late = new Scenario("exp-late-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(late, "RUNNING");
        TestInfra.send(producer, "experiments", late.experimentId, late.experimentJson("DRAFT", 2));
        TestInfra.send(producer, "experiments", late.experimentId, late.experimentJson("PAUSED", 5));
        TestInfra.send(producer, "experiments", late.experimentId, late.experimentJson("RUNNING", 4));
        producer.flush();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get("/api/v1/experiments/" + late.experimentId + "/results", "demo")
                                .path("status")
                                .asString())
                        .isEqualTo("PAUSED"));
        // the global store agrees: a raw event for the (paused) experiment is dead-lettered, never counted
        TestInfra.send(
                producer,
                "usage-events",
                late.experimentId,
                ("{\"eventId\":\"p-1\",\"experimentId\":\""
                                + late.experimentId + "\",\"subjectId\":\"s\",\"type\":\"start\",\"occurredAt\":\""
                                + Instant.now() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        TestInfra.send(
                producer,
                "usage-events",
                late.experimentId,
                late.json(new Scenario.Sent("p-2", "s", "b", "start", "web", Instant.now(), null, null), 2));
        producer.flush();
        awaitCounted(late.experimentId, 1);
    }

    @Test
    void whenNoOrganisationHeaderThenUnauthorizedProblem() {
        http.get()
                .uri("/api/v1/experiments/x/results")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void whenAnotherOrganisationOrUnknownThenNotFoundAndAdminSeesAll() {
        Scenario other =
                new Scenario("exp-other-" + UUID.randomUUID(), "other", List.of("control", "b"), List.of(50, 50));
        publish(other, "RUNNING");
        for (String path : List.of(
                "/api/v1/experiments/" + other.experimentId + "/results",
                "/api/v1/experiments/" + other.experimentId + "/results/daily",
                "/api/v1/experiments/unknown/results")) {
            http.get()
                    .uri(path)
                    .header(ORG, "demo")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:likelab:problem:not-found")
                    .jsonPath("$.detail")
                    .isEqualTo("No such experiment.");
        }
        assertThat(get("/api/v1/experiments/" + other.experimentId + "/results", "other")
                        .path("experimentId")
                        .asString())
                .isEqualTo(other.experimentId);
        assertThat(get("/api/v1/experiments/" + other.experimentId + "/results", "*")
                        .path("variants"))
                .hasSize(2);
    }
}

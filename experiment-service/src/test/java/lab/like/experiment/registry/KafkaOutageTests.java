package lab.like.experiment.registry;

import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stops the broker of the real embedded Kafka node, then starts it again on the same port: events sent meanwhile get a 503
 * (never a 202 for events not written), an experiment changed meanwhile is published once Kafka is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "likelab.kafka.delivery-timeout=3s",
            "likelab.kafka.request-timeout=1s",
            "likelab.kafka.max-block=2s"
        })
@AutoConfigureWebTestClient
@DirtiesContext
class KafkaOutageTests {

    private static final EmbeddedKafkaKraftBroker BROKER = startBroker();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    // one worker thread: mongo-java-server encodes stored documents in place, and a concurrent update on another
    // worker thread made that encoding fail (ConcurrentModificationException, connection dropped)
    private static final InetSocketAddress MONGO_ADDRESS = bindOneWorker(MONGO);

    private static InetSocketAddress bindOneWorker(MongoServer server) {
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        return server.getLocalAddress();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
        registry.add("spring.mongodb.uri", () -> "mongodb://localhost:" + MONGO_ADDRESS.getPort());
    }

    @AfterAll
    static void stop() {
        BROKER.destroy();
        MONGO.shutdownNow();
    }

    @Test
    void whenKafkaIsDownThenEventsAre503AndChangesArePublishedWhenItIsBack() {
        Api team = new Api(web, "demo", "TEAM");
        String id = team.running(Map.of());
        awaitDefinition(id, 2, "Simplified parking permit form");

        brokerServer().shutdown();
        brokerServer().awaitShutdown();

        team.postJson("/api/v1/events", List.of(event(id, "e-down")))
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unavailable")
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).doesNotContain("Exception"));
        team.patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Changed while Kafka was down"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        meters.get("likelab.outbox.pending").gauge().value())
                .isEqualTo(1.0));

        brokerServer().startup();

        awaitDefinition(id, 3, "Changed while Kafka was down");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> team.postJson("/api/v1/events", List.of(event(id, "e-up")))
                        .expectStatus()
                        .isAccepted()
                        .expectBody()
                        .jsonPath("$.accepted")
                        .isEqualTo(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        meters.get("likelab.outbox.pending").gauge().value())
                .isZero());
    }

    private void awaitDefinition(String id, long version, String name) {
        try (TopicReader reader = new TopicReader(BROKER.getBrokersAsString(), "experiments")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<JsonNode> mine = reader.poll().stream()
                        .filter(r -> id.equals(r.key()))
                        .map(r -> json.readTree(r.value()))
                        .toList();
                assertThat(mine).isNotEmpty();
                JsonNode latest = mine.get(mine.size() - 1);
                assertThat(latest.get("version").longValue()).isEqualTo(version);
                assertThat(latest.get("name").stringValue()).isEqualTo(name);
                assertThat(latest.get("salt").stringValue()).isNotEmpty();
                assertThat(latest.get("schemaVersion").intValue()).isEqualTo(1);
            });
        }
    }

    private static Map<String, Object> event(String experimentId, String eventId) {
        return Map.of(
                "eventId",
                eventId,
                "experimentId",
                experimentId,
                "subjectId",
                "citizen-1",
                "type",
                "exposure",
                "occurredAt",
                Instant.now().minusSeconds(1).toString());
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
        started.afterPropertiesSet();
        return started;
    }

    /** The broker half of the KRaft node; its test kit re-binds the same port when it starts again. */
    private static BrokerServer brokerServer() {
        return BROKER.getCluster().brokers().values().iterator().next();
    }
}

package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * One application context, embedded broker and MongoDB-protocol server shared by the integration test classes
 * (identical configuration, so Spring reuses the context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 3,
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"},
        bootstrapServersProperty = IntegrationTestBase.BROKERS_PROPERTY)
abstract class IntegrationTestBase {

    static final MongoServer MONGO = TestInfra.startMongo();
    static final String BROKERS_PROPERTY = "likelab.it.shared-brokers";
    // chosen once: the supplier is asked again whenever the property is resolved
    static final String STATE_DIR = TestInfra.uniqueStateDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // @EmbeddedKafka publishes the address as a JVM system property. Under the service's own property name it
        // would outrank the command-line arguments of the other applications this JVM starts (RestartAndCrashTest)
        // inside their binders' child contexts, and point their writers at this broker; under the default name
        // RestartAndCrashTest's broker overwrites it. So: a name nobody else uses, mapped for this context only.
        registry.add("likelab.metrics.bootstrap-servers", () -> System.getProperty(BROKERS_PROPERTY));
        registry.add("spring.mongodb.uri", () -> TestInfra.mongoUri(MONGO));
        registry.add("likelab.metrics.state-dir", () -> STATE_DIR);
        registry.add("likelab.metrics.subject-secret", () -> Scenario.SECRET);
        registry.add("likelab.metrics.emit-interval", () -> "200ms");
        // short enough for ResultsStreamIntegrationTest to see heartbeats and the end of a stream
        registry.add("likelab.metrics.results.stream.heartbeat", () -> "300ms");
        registry.add("likelab.metrics.results.stream.lifetime", () -> "20s");
        registry.add("likelab.portfolio.gauge-refresh", () -> "1s");
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

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

    /** The body of a 200 response to a GET on the management port (actuator endpoints). */
    String text(String path) {
        return body(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(20))
                .build()
                .get()
                .uri(path));
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The internal token of a caller of {@code organisation} with comma-separated {@code roles} (null: none). */
    static String identity(String organisation, String roles) {
        List<String> parsed = roles == null
                ? List.of()
                : java.util.Arrays.stream(roles.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .toList();
        return InternalTokens.bearer(organisation, parsed);
    }

    JsonNode get(String path, String organisation) {
        String body = body(http.get().uri(path).header(HttpHeaders.AUTHORIZATION, InternalTokens.caller(organisation)));
        return Scenario.JSON.readTree(body);
    }

    void publish(Scenario scenario, String status) {
        TestInfra.send(producer, "experiments", scenario.experimentId, scenario.experimentJson(status));
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                .uri("/api/v1/experiments/{id}/results", scenario.experimentId)
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("*"))
                .exchange()
                .expectStatus()
                .isOk());
    }

    /** Waits until the daily results show the sentinel's day (see {@link Scenario#sentinel}). */
    void awaitSentinel(Scenario scenario, Scenario.Sent sentinel) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (JsonNode row : get("/api/v1/experiments/" + scenario.experimentId + "/results/daily", "demo")
                    .path("rows")) {
                if (row.path("day").asString().equals(sentinel.day().toString())
                        && row.path("variant").asString().equals(sentinel.variant())) {
                    return true;
                }
            }
            return false;
        });
    }

    void awaitCounted(String experimentId, long events) {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(get("/api/v1/experiments/" + experimentId + "/results", "demo")
                                .path("eventsCounted")
                                .asLong())
                        .isEqualTo(events));
    }
}

package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Results API: empty variants, SSE, late definitions, tenancy and problem documents. */
class ResultsApiIntegrationTest extends IntegrationTestBase {

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
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("demo"))
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
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("other"))
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
        // the global store agrees: events for the (paused) experiment, raw and pre-hashed alike, wait (parked)
        // instead of being counted, and are counted once a newer definition starts it again
        double parkedBefore = parkedTotal();
        TestInfra.send(
                producer,
                "usage-events.demo",
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
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(parkedTotal() - parkedBefore).isEqualTo(2));
        assertThat(get("/api/v1/experiments/" + late.experimentId + "/results", "demo")
                        .path("eventsCounted")
                        .asLong())
                .isZero();
        TestInfra.send(producer, "experiments", late.experimentId, late.experimentJson("RUNNING", 6));
        producer.flush();
        awaitCounted(late.experimentId, 2);
    }

    double parkedTotal() {
        return text("/actuator/prometheus")
                .lines()
                .filter(l -> l.startsWith("likelab_metrics_events_parked_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void whenTheOpenApiDocumentIsAskedThenItDescribesTheResultsPaths() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> org.assertj.core.api.Assertions.assertThat(text)
                        .contains("\"/api/v1/experiments/{id}/results\"")
                        .contains("\"/api/v1/experiments/{id}/results/daily\""));
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
            expectNotFoundProblem(path).jsonPath("$.detail").isEqualTo("No such experiment.");
        }
        assertThat(get("/api/v1/experiments/" + other.experimentId + "/results", "other")
                        .path("experimentId")
                        .asString())
                .isEqualTo(other.experimentId);
        assertThat(get("/api/v1/experiments/" + other.experimentId + "/results", "*")
                        .path("variants"))
                .hasSize(2);
    }

    @Test
    void whenUnknownPathOrUnacceptableTypeThenProblemDocuments() {
        expectNotFoundProblem("/api/v1/nothing-here");
        http.get()
                .uri("/api/v1/experiments/x/results")
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("demo"))
                .accept(MediaType.APPLICATION_XML)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }

    /** A GET as organisation demo that must be a 404 problem document of type not-found. */
    private WebTestClient.BodyContentSpec expectNotFoundProblem(String path) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("demo"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:not-found");
    }
}

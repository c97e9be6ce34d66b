package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

    static final DownstreamStub EXPERIMENTS = DownstreamStub.start("experiment-service");
    static final DownstreamStub METRICS = DownstreamStub.start("metrics-service");
    static final int ONE_MIB = 1024 * 1024;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("likelab.gateway.routing.experiment-service-url", EXPERIMENTS::baseUrl);
        registry.add("likelab.gateway.routing.metrics-service-url", METRICS::baseUrl);
    }

    @AfterAll
    static void stopDownstreams() {
        EXPERIMENTS.close();
        METRICS.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetEarlierRequests() {
        EXPERIMENTS.clear();
        METRICS.clear();
    }

    @Test
    void whenNoAuthorizationThen401ProblemWithBearerChallenge() {
        client.get()
                .uri("/api/v1/experiments")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.title")
                .isEqualTo("Unauthorized");
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void whenUnknownKeyThen401AndCounted() {
        double before = count("experiments.list", "unauthorized");
        client.get()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-key")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized");
        client.get()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Basic ZGV2LXRlYW0ta2V5Og==")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(count("experiments.list", "unauthorized")).isEqualTo(before + 2);
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "dev-analyst-key, POST, /api/v1/experiments, 403",
        "dev-emitter-key, POST, /api/v1/experiments, 403",
        "dev-analyst-key, PATCH, /api/v1/experiments/e1, 403",
        "dev-emitter-key, POST, /api/v1/experiments/e1/start, 403",
        "dev-analyst-key, POST, /api/v1/experiments/e1/complete, 403",
        "dev-emitter-key, GET, /api/v1/experiments, 403",
        "dev-emitter-key, GET, /api/v1/experiments/e1/results, 403",
        "dev-emitter-key, GET, /api/v1/portfolio, 403",
        "dev-emitter-key, GET, /api/v1/services/parking-permit/comparison, 403",
        "dev-analyst-key, POST, /api/v1/experiments/e1/assignments, 403",
        "dev-analyst-key, POST, /api/v1/events, 403",
        "dev-team-key, POST, /api/v1/experiments, 200",
        "dev-admin-key, PATCH, /api/v1/experiments/e1, 200",
        "dev-team-key, POST, /api/v1/experiments/e1/pause, 200",
        "dev-admin-key, POST, /api/v1/experiments/e1/archive, 200",
        "dev-analyst-key, GET, /api/v1/experiments/e1, 200",
        "dev-analyst-key, GET, /api/v1/experiments/e1/results/daily, 200",
        "dev-analyst-key, GET, /api/v1/portfolio, 200",
        "dev-emitter-key, POST, /api/v1/experiments/e1/assignments, 200",
        "dev-emitter-key, POST, /api/v1/events, 200",
        "dev-other-team-key, POST, /api/v1/events, 200",
    })
    void rolesAreCheckedPerOperation(String key, String method, String path, int expected) {
        WebTestClient.ResponseSpec response = client.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(
                        method.equals("PATCH")
                                ? MediaType.valueOf("application/merge-patch+json")
                                : MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(expected);
        if (expected == 403) {
            response.expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:likelab:problem:forbidden");
            assertThat(EXPERIMENTS.receivedNothing() && METRICS.receivedNothing())
                    .isTrue();
        }
    }

    @Test
    void whenClientSendsIdentityHeadersThenTheyAreReplacedByTheKeysIdentity() throws Exception {
        client.get()
                .uri("/api/v1/experiments?status=RUNNING")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .header("X-LikeLab-Organisation", "other")
                .header("x-likelab-roles", "ADMIN")
                .header("X-LikeLab-Debug", "spoofed")
                .exchange()
                .expectStatus()
                .isOk();
        DownstreamStub.Received received = EXPERIMENTS.take();
        assertThat(received.uri()).isEqualTo("/api/v1/experiments?status=RUNNING");
        assertThat(received.headers().getAll("X-LikeLab-Organisation")).containsExactly("demo");
        assertThat(received.headers().getAll("X-LikeLab-Roles")).containsExactly("TEAM");
        assertThat(received.headers().contains("X-LikeLab-Debug")).isFalse();
        assertThat(received.headers().contains(HttpHeaders.AUTHORIZATION)).isFalse();
    }

    @Test
    void whenAdminCallsThenOrganisationIsWildcard() throws Exception {
        client.get()
                .uri("/api/v1/portfolio?organisation=demo")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-admin-key")
                .exchange()
                .expectStatus()
                .isOk();
        DownstreamStub.Received received = METRICS.take();
        assertThat(received.headers().get("X-LikeLab-Organisation")).isEqualTo("*");
        assertThat(received.headers().get("X-LikeLab-Roles")).isEqualTo("ADMIN");
        assertThat(received.uri()).isEqualTo("/api/v1/portfolio?organisation=demo");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/v1/experiments/e1/results, metrics-service",
        "GET, /api/v1/experiments/e1/results/daily, metrics-service",
        "GET, /api/v1/portfolio, metrics-service",
        "GET, /api/v1/services/parking-permit/comparison, metrics-service",
        "GET, /api/v1/experiments, experiment-service",
        "GET, /api/v1/experiments/e1, experiment-service",
        "POST, /api/v1/experiments/e1/start, experiment-service",
        "POST, /api/v1/experiments/e1/assignments, experiment-service",
        "POST, /api/v1/events, experiment-service",
    })
    void routesEachPathToItsService(String method, String path, String service) throws Exception {
        client.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[]")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service);
        DownstreamStub owner = service.equals("metrics-service") ? METRICS : EXPERIMENTS;
        DownstreamStub other = owner == METRICS ? EXPERIMENTS : METRICS;
        DownstreamStub.Received received = owner.take();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.uri()).isEqualTo(path);
        assertThat(other.receivedNothing()).isTrue();
    }

    @Test
    void resultsStreamArrivesAsServerSentEvents() {
        Flux<String> events = client.get()
                .uri("/api/v1/experiments/e1/results/stream")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-analyst-key")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class)
                .getResponseBody();
        assertThat(events.collectList().block()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void whenBatchOfThousandEventsThenItFitsTheDefaultLimit() throws Exception {
        String batch = thousandEvents();
        assertThat(batch.length()).isLessThan(ONE_MIB);
        client.post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-emitter-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(EXPERIMENTS.take().bodyBytes()).isEqualTo(batch.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void whenContentLengthAboveLimitThen413WithoutForwarding() {
        client.post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-emitter-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[ONE_MIB + 1])
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:payload-too-large");
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void whenStreamedBodyGrowsAboveLimitThen413() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> body = Flux.range(0, 20).map(i -> buffers.wrap(new byte[64 * 1024]));
        client.post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-emitter-key")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:payload-too-large");
    }

    @Test
    void whenPostBodyIsNotJsonThen415() {
        client.post()
                .uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-emitter-key")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("[]")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unsupported-media-type");
        client.post()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void whenPatchIsPlainJsonOrLifecycleHasNoBodyThenForwarded() throws Exception {
        client.patch()
                .uri("/api/v1/experiments/e1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
                .bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/api/v1/experiments/e1/start")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(EXPERIMENTS.take().method()).isEqualTo("PATCH");
        assertThat(EXPERIMENTS.take().uri()).isEqualTo("/api/v1/experiments/e1/start");
    }

    @Test
    void whenPathIsNoApiOperationThen404WithoutForwarding() {
        for (String path : new String[] {"/api/v1/unknown", "/api/v1/experiments/e1/../../portfolio", "/api/v2/x"}) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer dev-admin-key")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:likelab:problem:not-found");
        }
        assertThat(EXPERIMENTS.receivedNothing() && METRICS.receivedNothing()).isTrue();
    }

    @Test
    void dashboardAndProbesNeedNoKey() {
        client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("LIKE Lab").contains("dashboard.js"));
        client.get().uri("/dashboard.js").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void eachServicesApiDocumentIsRoutedWithoutKeyOrIdentity() throws Exception {
        client.get()
                .uri("/v3/api-docs/metrics-service")
                .header("X-LikeLab-Organisation", "*")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("metrics-service");
        DownstreamStub.Received received = METRICS.take();
        assertThat(received.uri()).isEqualTo("/v3/api-docs");
        assertThat(received.headers().contains("X-LikeLab-Organisation")).isFalse();
        client.get()
                .uri("/v3/api-docs/gateway/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[0].url")
                .isEqualTo("/v3/api-docs/experiment-service");
    }

    @Test
    void prometheusShowsRequestCountersWithApplicationTag() {
        client.get()
                .uri("/api/v1/portfolio")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-analyst-key")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("likelab_gateway_requests_total{application=\"gateway\",outcome=\"forwarded\","
                                + "route=\"portfolio\"}"));
    }

    @Test
    void whenManyRequestsRunConcurrentlyThenEveryOneIsForwardedOnPooledConnections() {
        WebClient web = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, 1000)
                .flatMap(
                        i -> web.post()
                                .uri("/api/v1/experiments/e" + (i % 10) + "/assignments")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-emitter-key")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"subjectId\":\"citizen-" + i + "\"}")
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value())),
                        64)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(statuses).hasSize(1000).containsOnly(200);
        assertThat(EXPERIMENTS.size()).isEqualTo(1000);
    }

    private double count(String route, String outcome) {
        return meters.get("likelab.gateway.requests")
                .tag("route", route)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private static String thousandEvents() {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 1000; i++) {
            batch.add("{\"eventId\":\"" + UUID.randomUUID() + "\",\"experimentId\":\"" + UUID.randomUUID()
                    + "\",\"subjectId\":\"citizen-" + UUID.randomUUID() + "\",\"variant\":\"simplified-form-v2\","
                    + "\"type\":\"complete\",\"channel\":\"web\",\"occurredAt\":\"2026-11-27T10:00:00.000Z\","
                    + "\"durationMs\":184000,\"score\":null}");
        }
        return batch.toString();
    }
}

package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * The findings of issue 10 replayed against the gateway: non-canonical paths never forwarded, security headers
 * on every kind of response, HEAD and OPTIONS, refused requests counted against the rate, event streams capped
 * per key and freed when a client leaves.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "likelab.gateway.limits.burst=8",
            "likelab.gateway.limits.rate-per-second=0.001",
            "likelab.gateway.limits.anonymous-burst=3",
            "likelab.gateway.limits.anonymous-rate-per-second=0.001",
            "likelab.gateway.limits.streams-per-key=2"
        })
@AutoConfigureWebTestClient
class GatewayTrustTests {

    static final DownstreamStub EXPERIMENTS = DownstreamStub.start("experiment-service");
    // each stream lasts 3 x 2 s unless the client leaves
    static final DownstreamStub METRICS = DownstreamStub.start("metrics-service", Duration.ofSeconds(2));
    static final HttpClient RAW = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("likelab.gateway.routing.experiment-service-url", EXPERIMENTS::baseUrl);
        registry.add("likelab.gateway.routing.metrics-service-url", METRICS::baseUrl);
    }

    @AfterAll
    static void stop() {
        EXPERIMENTS.close();
        METRICS.close();
    }

    @Autowired
    WebTestClient client;

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierRequests() {
        EXPERIMENTS.clear();
        METRICS.clear();
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%61pi/v1/experiments",
                "/api;x/v1/experiments",
                "/api/v1/experiments;x=1",
                "/api/v1/experiments/%2e%2e/portfolio",
                "//api/v1/experiments",
                "/api/v1//experiments",
                "/api/v1/./experiments",
                "/api/v1/experiments/e1/../../portfolio",
                "/actuator/%70rometheus"
            })
    void whenThePathIsNotCanonicalThen400ProblemAndNothingIsForwarded(String rawPath) throws Exception {
        HttpResponse<String> response = raw("GET", rawPath, "dev-admin-key");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:likelab:problem:non-canonical-path\"");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(EXPERIMENTS.receivedNothing() && METRICS.receivedNothing()).isTrue();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndTheDashboardItsCsp() throws Exception {
        List<HttpResponse<String>> api = List.of(
                raw("GET", "/api/v1/experiments", "dev-admin-key"), // proxied 200
                raw("GET", "/api/v1/nothing", "dev-admin-key"), // the gateway's 404
                raw("GET", "/actuator/prometheus", null)); // the gateway's 404 outside the API
        assertThat(api.stream().map(HttpResponse::statusCode)).containsExactly(200, 404, 404);
        for (HttpResponse<String> response : api) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        }
        HttpResponse<String> page = raw("GET", "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self'; object-src 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void headOfTheDashboardIsItsGetWithoutBodyAndOptionsNamesTheAllowedMethods() throws Exception {
        HttpResponse<String> head = raw("HEAD", "/", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

        HttpResponse<String> options = raw("OPTIONS", "/api/v1/experiments/e1", null);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, PATCH, OPTIONS");
        assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(raw("OPTIONS", "/api/v1/experiments", null).headers().firstValue("Allow"))
                .hasValue("GET, HEAD, POST, OPTIONS");
        assertThat(raw("OPTIONS", "/api/v1/nothing", null).statusCode()).isEqualTo(404);
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void refusedRequestsCountAgainstTheRateOfTheKeyOrOfTheClientAddress() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertThat(raw("GET", "/api/v1/experiments", "dev-emitter-key").statusCode())
                    .isEqualTo(403);
        }
        HttpResponse<String> limited = raw("GET", "/api/v1/experiments", "dev-emitter-key");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();

        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            guesses.add(raw("GET", "/api/v1/experiments", "guess-" + i).statusCode());
        }
        assertThat(guesses).containsExactly(401, 401, 401, 429);
        assertThat(EXPERIMENTS.receivedNothing()).isTrue();
    }

    @Test
    void eventStreamsAreCappedPerKeyAndAClientThatLeavesFreesItsSlot() {
        WebClient web = WebClient.create("http://localhost:" + port);
        String stream = "/api/v1/experiments/e1/results/stream";
        List<Disposable> open = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            open.add(web.get()
                    .uri(stream)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                    .retrieve()
                    .bodyToFlux(String.class)
                    .subscribe());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> METRICS.size() == 2);
        client.get()
                .uri(stream)
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:too-many-streams");
        assertThat(METRICS.size()).isEqualTo(2);

        open.get(0).dispose();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> client.get()
                        .uri(stream)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                        .exchange()
                        .expectStatus()
                        .isOk());
        open.forEach(Disposable::dispose);
    }

    private HttpResponse<String> raw(String method, String rawPath, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(20));
        if (key != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        }
        return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

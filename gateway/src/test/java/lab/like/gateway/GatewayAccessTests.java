package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Keys, roles, identity headers and the paths that need no key. */
class GatewayAccessTests extends GatewayTestSupport {

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
    void whenClientSendsIdentityHeadersThenOnlyTheSignedTokenOfTheKeyReachesTheService() throws Exception {
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
        assertThat(received.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("x-likelab-"));
        Jwt token = InternalTokenChecks.decode(received.headers().getAll(HttpHeaders.AUTHORIZATION));
        assertThat(token.getAudience()).containsExactly("experiment-service");
        assertThat(token.getSubject()).isEqualTo("demo-team");
        assertThat(token.getClaimAsString("org")).isEqualTo("demo");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("TEAM");
        assertThat(token.getClaimAsString("iss")).isEqualTo("likelab-gateway");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void whenAdminCallsMetricsServiceThenTheTokenNamesItsAudienceAndTheWildcardOrganisation() throws Exception {
        client.get()
                .uri("/api/v1/portfolio?organisation=demo")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-admin-key")
                .exchange()
                .expectStatus()
                .isOk();
        DownstreamStub.Received received = METRICS.take();
        Jwt token = InternalTokenChecks.decode(received.headers().getAll(HttpHeaders.AUTHORIZATION));
        assertThat(token.getAudience()).containsExactly("metrics-service");
        assertThat(token.getSubject()).isEqualTo("dev-admin");
        assertThat(token.getClaimAsString("org")).isEqualTo("*");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("ADMIN");
        assertThat(received.uri()).isEqualTo("/api/v1/portfolio?organisation=demo");
    }

    @Test
    void whenPathIsNoApiOperationThen404WithoutForwarding() {
        for (String path : new String[] {
            "/api/v1/unknown", "/api/v2/x", "/API/v1/experiments", "/api/v1/experiments/e1/anything", "/actuator/env"
        }) {
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
                .value(html -> assertThat(html).contains("LIKE Lab").contains("/dashboard/app.js"));
        client.get().uri("/dashboard/app.js").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusShowsRequestCountersWithApplicationTag() {
        client.get()
                .uri("/api/v1/portfolio")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-analyst-key")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("likelab_gateway_requests_total{application=\"gateway\",outcome=\"forwarded\","
                                + "route=\"portfolio\"}"));
    }

    private double count(String route, String outcome) {
        return meters.get("likelab.gateway.requests")
                .tag("route", route)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}

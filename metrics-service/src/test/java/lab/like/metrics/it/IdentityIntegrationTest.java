package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** metrics-service admits API requests only with the gateway's valid internal token, and checks roles again. */
class IdentityIntegrationTest extends IntegrationTestBase {

    private static final String KEY = InternalTokens.DEVELOPMENT_KEY;
    private static final String RESULTS = "/api/v1/experiments/x/results";

    static List<String> invalidTokens() {
        Instant soon = Instant.now().plusSeconds(60);
        List<String> admin = List.of("ADMIN");
        return List.of(
                InternalTokens.token(
                        "another-signing-key-of-at-least-32-bytes!",
                        "likelab-gateway",
                        "metrics-service",
                        "x",
                        "*",
                        admin,
                        soon),
                InternalTokens.token(KEY, "someone-else", "metrics-service", "x", "*", admin, soon),
                InternalTokens.token(KEY, "likelab-gateway", "experiment-service", "x", "*", admin, soon),
                InternalTokens.token(
                        KEY,
                        "likelab-gateway",
                        "metrics-service",
                        "x",
                        "*",
                        admin,
                        Instant.now().minusSeconds(120)),
                InternalTokens.token(KEY, "likelab-gateway", "metrics-service", "x", null, admin, soon),
                InternalTokens.token(KEY, "likelab-gateway", "metrics-service", "x", "*", null, soon),
                "not-a-jwt");
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void whenTheTokenIsForgedExpiredForAnotherAudienceOrIncompleteThen401Problem(String token) {
        http.get()
                .uri(RESULTS)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized");
    }

    @Test
    void whenOnlyAnOrganisationHeaderArrivesThenItIsIgnoredAnd401() {
        http.get()
                .uri(RESULTS)
                .header("X-LikeLab-Organisation", "*")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void whenAnEmitterReadsResultsThen403() {
        http.get()
                .uri(RESULTS)
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.bearer("demo", List.of("EMITTER")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:forbidden");
    }

    @Test
    void whenAnUnknownPathIs404ThenTheProblemNamesNoInternalPathOrFramework() {
        String body = http.get()
                .uri("/api/v1/experiments/x/nothing")
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("demo"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body)
                .contains("\"detail\":\"No such resource.\"")
                .doesNotContain("localhost", "static resource", "http://", "Exception");
    }

    @Test
    void whenPrometheusOrHealthIsAskedOnThePublicPortThen404() {
        for (String path : List.of("/actuator/prometheus", "/actuator/health")) {
            http.get().uri(path).exchange().expectStatus().isNotFound();
        }
        assertThat(text("/actuator/prometheus")).contains("application=\"metrics-service\"");
    }
}

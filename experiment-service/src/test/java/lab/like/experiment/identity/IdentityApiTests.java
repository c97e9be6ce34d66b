package lab.like.experiment.identity;

import static lab.like.experiment.support.InternalTokens.DEVELOPMENT_KEY;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.like.experiment.support.Api;
import lab.like.experiment.support.IntegrationTest;
import lab.like.experiment.support.InternalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The service admits API requests only with the gateway's valid internal token, and checks roles again. */
class IdentityApiTests extends IntegrationTest {

    private static final String OTHER_KEY = "another-signing-key-of-at-least-32-bytes!";

    static List<String> invalidTokens() {
        Instant soon = Instant.now().plusSeconds(60);
        List<String> roles = List.of("ADMIN");
        return List.of(
                InternalTokens.token(OTHER_KEY, "likelab-gateway", "experiment-service", "x", "*", roles, soon),
                InternalTokens.token(DEVELOPMENT_KEY, "someone-else", "experiment-service", "x", "*", roles, soon),
                InternalTokens.token(DEVELOPMENT_KEY, "likelab-gateway", "metrics-service", "x", "*", roles, soon),
                InternalTokens.token(
                        DEVELOPMENT_KEY,
                        "likelab-gateway",
                        "experiment-service",
                        "x",
                        "*",
                        roles,
                        Instant.now().minusSeconds(120)),
                InternalTokens.token(DEVELOPMENT_KEY, "likelab-gateway", "experiment-service", null, "*", roles, soon),
                InternalTokens.token(DEVELOPMENT_KEY, "likelab-gateway", "experiment-service", "x", null, roles, soon),
                InternalTokens.token(DEVELOPMENT_KEY, "likelab-gateway", "experiment-service", "x", "*", null, soon),
                "not-a-jwt",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwib3JnIjoiKiIsInJvbGVzIjpbIkFETUlOIl19.");
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void whenTheTokenIsForgedExpiredForAnotherAudienceOrIncompleteThen401Problem(String token) {
        web.get()
                .uri(Api.PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void whenOnlyIdentityHeadersArriveThenTheyAreIgnoredAnd401() {
        web.get()
                .uri(Api.PATH)
                .header("X-LikeLab-Organisation", "*")
                .header("X-LikeLab-Roles", "ADMIN")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:unauthorized");
    }

    @Test
    void whenAValidTokenAndIdentityHeadersDisagreeThenTheTokenWins() {
        String id = team().create();
        web.get()
                .uri(Api.PATH + "/" + id)
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.bearer("other", List.of("TEAM")))
                .header("X-LikeLab-Organisation", "demo")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenAnAnalystCreatesThen403EvenWithAValidToken() {
        as("demo", "ANALYST")
                .postJson(Api.PATH, Api.validBody())
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:forbidden");
    }

    @Test
    void whenAnEmitterListsExperimentsThen403() {
        as("demo", "EMITTER").get().uri(Api.PATH).exchange().expectStatus().isForbidden();
    }

    @Test
    void whenAnAnalystSendsEventsThen403() {
        as("demo", "ANALYST")
                .postJson("/api/v1/events", List.of(Map.of("eventId", "e-1")))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void whenAnUnknownApiPathIs404ThenTheProblemNamesNoInternalUrl() {
        team().get()
                .uri(Api.PATH + "/x/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("\"detail\":\"No such resource.\"")
                        .doesNotContain("http://", "127.0.0.1", "localhost", "static resource"));
    }

    @Test
    void whenPrometheusIsAskedOnThePublicPortThen404() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }
}

package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A gateway whose metrics-service is down, whose experiment-service is slow, and whose keys get 3 requests. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "likelab.gateway.limits.rate-per-second=0.001",
            "likelab.gateway.limits.burst=3",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"
        })
@AutoConfigureWebTestClient
class GatewayDegradedTests {

    static final DownstreamStub EXPERIMENTS = DownstreamStub.start("experiment-service", Duration.ofMillis(600));

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("likelab.gateway.routing.experiment-service-url", EXPERIMENTS::baseUrl);
        registry.add("likelab.gateway.routing.metrics-service-url", () -> "http://localhost:" + closedPort);
    }

    @AfterAll
    static void stopDownstreams() {
        EXPERIMENTS.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void whenDownstreamIsUnreachableThen503ProblemWithoutExceptionText() {
        client.get()
                .uri("/api/v1/experiments/e1/results")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"type\":\"urn:likelab:problem:unavailable\"")
                        .contains("\"status\":503")
                        .doesNotContainIgnoringCase("refused")
                        .doesNotContain("Exception")
                        .doesNotContain("localhost"));
    }

    @Test
    void whenDownstreamDoesNotAnswerInTimeThen504Problem() {
        client.get()
                .uri("/api/v1/experiments/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-admin-key")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"type\":\"urn:likelab:problem:unavailable\"")
                        .doesNotContain("timeout"));
    }

    @Test
    void whenKeyExceedsItsRateThen429WithRetryAfterWhileOtherKeysPass() {
        for (int i = 0; i < 3; i++) {
            client.get()
                    .uri("/api/v1/experiments")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer dev-analyst-key")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        client.get()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-analyst-key")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value))
                        .isPositive())
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:likelab:problem:rate-limited");
        client.get()
                .uri("/api/v1/experiments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-other-team-key")
                .exchange()
                .expectStatus()
                .isOk();
    }
}

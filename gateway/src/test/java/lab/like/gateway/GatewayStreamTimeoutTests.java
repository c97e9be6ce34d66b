package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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
import reactor.core.publisher.Flux;

/** A results stream whose events come further apart than the gateway's response timeout. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s")
@AutoConfigureWebTestClient
class GatewayStreamTimeoutTests {

    static final DownstreamStub METRICS = DownstreamStub.start("metrics-service", Duration.ofMillis(600));

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("likelab.gateway.routing.metrics-service-url", METRICS::baseUrl);
    }

    @AfterAll
    static void stopDownstreams() {
        METRICS.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void whenEventStreamLastsLongerThanTheResponseTimeoutThenItIsNotCut() {
        Flux<String> events = client.mutate()
                .responseTimeout(Duration.ofSeconds(10))
                .build()
                .get()
                .uri("/api/v1/experiments/e1/results/stream")
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-other-team-key")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(events.collectList().block(Duration.ofSeconds(10))).hasSize(3);
    }
}

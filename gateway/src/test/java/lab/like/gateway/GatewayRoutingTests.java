package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Which service each path reaches, streaming, API documents and pooled connections. */
class GatewayRoutingTests extends GatewayTestSupport {

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
}

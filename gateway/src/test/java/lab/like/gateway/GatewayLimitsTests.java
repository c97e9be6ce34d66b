package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Body size and content type limits. */
class GatewayLimitsTests extends GatewayTestSupport {

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

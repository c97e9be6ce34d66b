package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * GET results/stream against the running service, real broker and MongoDB-protocol server: a document at once
 * and at every change, comment heartbeats (300 ms here), the end after the lifetime (20 s here), and one shared
 * change feed per experiment whatever the number of subscribers.
 */
class ResultsStreamIntegrationTest extends IntegrationTestBase {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    @Autowired
    MeterRegistry registry;

    @Test
    void whenTwoChangesThenTwoMoreDocumentsThenHeartbeatsAndTheEndAfterTheLifetime() {
        Scenario s = new Scenario("exp-stream-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(s, "RUNNING");
        List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable subscription = stream(s.experimentId, "demo").subscribe(seen::add, e -> {}, () -> ended.set(true));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> counts(seen).equals(List.of(0L)));
            send(s, "e-1", "s-1");
            await().atMost(Duration.ofSeconds(60)).until(() -> counts(seen).equals(List.of(0L, 1L)));
            send(s, "e-2", "s-2");
            await().atMost(Duration.ofSeconds(60)).until(() -> counts(seen).equals(List.of(0L, 1L, 2L)));
            assertThat(seen).filteredOn(e -> e.data() != null).allSatisfy(e -> assertThat(e.event())
                    .isEqualTo("results"));
            assertThat(seen).anySatisfy(e -> assertThat(e.comment()).isEqualTo("heartbeat"));
            await().atMost(Duration.ofSeconds(40)).untilTrue(ended);
            assertThat(counts(seen)).containsExactly(0L, 1L, 2L);
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void whenSeveralClientsStreamOneExperimentThenTheyShareOneFeedUntilTheLastLeaves() {
        Scenario s = new Scenario("exp-shared-" + UUID.randomUUID(), "demo", List.of("control", "b"), List.of(50, 50));
        publish(s, "RUNNING");
        double feedsBefore = gauge("likelab.metrics.results.stream.feeds");
        double subscribersBefore = gauge("likelab.metrics.results.stream.subscribers");
        List<List<ServerSentEvent<String>>> seen =
                List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<Disposable> clients = seen.stream()
                .map(list -> stream(s.experimentId, "*").subscribe(list::add))
                .toList();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> seen.stream().allMatch(list -> counts(list).equals(List.of(0L))));
        assertThat(gauge("likelab.metrics.results.stream.subscribers")).isEqualTo(subscribersBefore + 3);
        assertThat(gauge("likelab.metrics.results.stream.feeds")).isEqualTo(feedsBefore + 1);
        send(s, "e-1", "s-1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> seen.stream().allMatch(list -> counts(list).equals(List.of(0L, 1L))));
        clients.forEach(Disposable::dispose);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("likelab.metrics.results.stream.subscribers")).isEqualTo(subscribersBefore);
            assertThat(gauge("likelab.metrics.results.stream.feeds")).isEqualTo(feedsBefore);
        });
    }

    private Flux<ServerSentEvent<String>> stream(String experimentId, String organisation) {
        return http.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .get()
                .uri("/api/v1/experiments/{id}/results/stream", experimentId)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, InternalTokens.caller(organisation))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(SSE)
                .getResponseBody();
    }

    private void send(Scenario s, String eventId, String subject) {
        TestInfra.send(
                producer,
                "usage-events",
                s.experimentId,
                s.json(new Scenario.Sent(eventId, subject, "b", "start", "web", Instant.now(), null, null), 2));
        producer.flush();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    /** eventsCounted of every results document received, in order. */
    private static List<Long> counts(List<ServerSentEvent<String>> events) {
        return events.stream()
                .filter(e -> e.data() != null)
                .map(e -> Scenario.JSON.readTree(e.data()).path("eventsCounted").asLong())
                .toList();
    }
}

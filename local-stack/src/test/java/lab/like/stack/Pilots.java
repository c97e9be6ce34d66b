package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import lab.like.stack.GatewayClient.Response;

/** Pilots and their traffic through the gateway's public API, with the development keys. */
final class Pilots {

    private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(60);

    private final GatewayClient gateway;

    Pilots(GatewayClient gateway) {
        this.gateway = gateway;
    }

    String nameOf(String id) {
        return gateway.get("/api/v1/experiments/" + id, "dev-team-key")
                .json()
                .path("name")
                .asText();
    }

    String createAndStart(String name) {
        Map<String, Object> body = Map.of(
                "name",
                name + " " + UUID.randomUUID().toString().substring(0, 8),
                "hypothesis",
                "A 3-step form raises completion from 60% to 75%",
                "service",
                "parking-permit",
                "variants",
                List.of(Map.of("key", "control", "weight", 50), Map.of("key", "simplified", "weight", 50)),
                "controlVariant",
                "control",
                "primaryKpi",
                "completion_rate",
                "guardrailKpis",
                List.of("satisfaction"),
                "eligiblePopulation",
                12000);
        Response created = gateway.post("/api/v1/experiments", "dev-team-key", body);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        Response started = gateway.post("/api/v1/experiments/" + id + "/start", "dev-team-key", "{}");
        assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
        return id;
    }

    String assign(String id, String subject) {
        Response response = gateway.post(
                "/api/v1/experiments/" + id + "/assignments", "dev-emitter-key", Map.of("subjectId", subject));
        assertThat(response.status()).as("assignment: %s", response.body()).isEqualTo(200);
        return response.json().path("variant").asText();
    }

    void send(List<Map<String, Object>> events) {
        Response response = gateway.post("/api/v1/events", "dev-emitter-key", events);
        assertThat(response.status()).as("events: %s", response.body()).isEqualTo(202);
        assertThat(response.json().path("rejected")).isEmpty();
    }

    JsonNode awaitResults(String id, Map<String, SliceTraffic.Counts> expected) {
        return poll(
                        () -> gateway.get("/api/v1/experiments/" + id + "/results", "dev-team-key"),
                        r -> r.status() == 200
                                && SliceTraffic.Counts.of(r.json()).equals(expected),
                        "results of " + id + " reaching " + expected)
                .json();
    }

    static Response poll(Supplier<Response> call, Predicate<Response> done, String what) {
        Instant deadline = Instant.now().plus(RESULTS_TIMEOUT);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail(
                "%s: not within %s s; last answer %s",
                what, RESULTS_TIMEOUT.toSeconds(), last == null ? "none" : last.abbreviated());
    }
}

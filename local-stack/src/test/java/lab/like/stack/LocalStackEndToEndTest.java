package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import lab.like.stack.GatewayClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole system as a user meets it: a real Kafka broker, the MongoDB-protocol server and the three service
 * jars as child JVMs, called only through the gateway with the development keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackEndToEndTest {

    private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(60);

    private Stack stack;
    private GatewayClient gateway;

    /** The shared stack (StackFixture): real broker in the test JVM, in-memory MongoDB-protocol server, jar copies. */
    @BeforeAll
    void startStack() throws Exception {
        StackFixture fixture = StackFixture.shared();
        stack = fixture.stack;
        gateway = fixture.gateway;
    }

    @Test
    void whenPilotRunsAndEventsArriveThroughTheGatewayThenResultsCountEachSubjectOnce() {
        String id = createAndStart("End-to-end slice");

        Response assignment = gateway.post(
                "/api/v1/experiments/" + id + "/assignments", "dev-team-key", Map.of("subjectId", "citizen-1"));
        assertThat(assignment.status()).as(assignment.body()).isEqualTo(200);
        assertThat(assignment.json().path("inExperiment").asBoolean()).isTrue();
        assertThat(assignment.json().path("variant").asText()).isIn("control", "simplified");
        assertThat(assign(id, "citizen-1"))
                .as("sticky")
                .isEqualTo(assignment.json().path("variant").asText());

        SliceTraffic traffic = new SliceTraffic(id, subject -> assign(id, subject));
        for (int i = 0; i < 24; i++) {
            traffic.journey("citizen-" + i, i % 4, i % 6 == 5);
        }
        traffic.duplicateOfLast();
        assertThat(traffic.expected.keySet())
                .as("both variants used")
                .containsExactlyInAnyOrder("control", "simplified");

        send(traffic.events);

        awaitResults(id, traffic.expected);
    }

    @Test
    void whenMetricsServiceIsKilledAndStartedAgainThenNoCountIsLostAndNewEventsCount() throws Exception {
        String id = createAndStart("Crash recovery");
        SliceTraffic traffic = new SliceTraffic(id, subject -> assign(id, subject));
        for (int i = 0; i < 12; i++) {
            traffic.journey("resident-" + i, i % 4, false);
        }
        send(traffic.events);
        awaitResults(id, traffic.expected);

        stack.crash("metrics-service");
        stack.restart("metrics-service");

        awaitResults(id, traffic.expected);
        Map<String, Object> resent = traffic.events.get(traffic.events.size() - 1);
        traffic.events.clear();
        for (int i = 12; i < 20; i++) {
            traffic.journey("resident-" + i, i % 4, false);
        }
        traffic.events.add(resent);
        send(traffic.events);
        awaitResults(id, traffic.expected);
    }

    @Test
    void whenTwoKeysChangeOneExperimentThenItsHistoryNamesBothCallersNeverTheirKeys() {
        String id = createAndStart("Audited pilot");
        String path = "/api/v1/experiments/" + id;
        Response patched = gateway.patch(path, "dev-admin-key", Map.of("hypothesis", "Reviewed by the platform"));
        assertThat(patched.status()).as("patch: %s", patched.body()).isEqualTo(200);
        assertThat(gateway.post(path + "/pause", "dev-admin-key", "{}").status())
                .isEqualTo(200);
        Response completed = gateway.post(
                path + "/complete", "dev-team-key", Map.of("outcome", "STOP", "rationale", "no effect on completion"));
        assertThat(completed.status()).as("complete: %s", completed.body()).isEqualTo(200);
        assertThat(gateway.post(path + "/archive", "dev-admin-key", "{}").status())
                .isEqualTo(200);

        Response history = gateway.get(path + "/history", "dev-analyst-key");
        assertThat(history.status()).as("history: %s", history.body()).isEqualTo(200);
        var items = history.json().path("items");
        assertThat(items.size()).isEqualTo(6);
        List<String> actions = new java.util.ArrayList<>();
        List<String> callers = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).path("version").asLong()).isEqualTo(i + 1);
            actions.add(items.get(i).path("action").asText());
            callers.add(items.get(i).path("by").asText());
        }
        assertThat(actions).containsExactly("created", "started", "updated", "paused", "completed", "archived");
        assertThat(callers)
                .containsExactly("demo-team", "demo-team", "dev-admin", "dev-admin", "demo-team", "dev-admin");
        assertThat(items.get(2).path("changes").get(0).asText()).isEqualTo("hypothesis");
        assertThat(items.get(4).path("decision").path("outcome").asText()).isEqualTo("STOP");
        assertThat(history.body()).doesNotContain("dev-team-key", "dev-admin-key");
        assertThat(gateway.get(path + "/history", "dev-other-team-key").status())
                .isEqualTo(404);
        assertThat(gateway.get(path + "/history", "dev-emitter-key").status()).isEqualTo(403);
    }

    @Test
    void whenCitiesRunTheSameServiceThenPortfolioAndComparisonShowOnlyOwnAndSharedPilotsThroughTheGateway() {
        String service = "e2e-permit-" + UUID.randomUUID().toString().substring(0, 8);
        String first = create("dev-team-key", service, false, null);
        start("dev-team-key", first);
        Response completed = gateway.post(
                "/api/v1/experiments/" + first + "/complete",
                "dev-team-key",
                Map.of("outcome", "ITERATE", "rationale", "try a shorter form"));
        assertThat(completed.status()).as("complete: %s", completed.body()).isEqualTo(200);
        String second = create("dev-team-key", service, false, first);
        start("dev-team-key", second);
        String sharedByOther = create("dev-other-team-key", service, true, null);
        String hiddenByOther = create("dev-other-team-key", service, false, null);

        String path = "/api/v1/services/" + service + "/comparison";
        Response demo = awaitJson(
                path, "dev-analyst-key", r -> r.path("experimentCount").asInt() == 3);
        assertThat(demo.body()).doesNotContain(hiddenByOther);
        assertThat(demo.json().path("organisations").get(0).path("organisation").asText())
                .isEqualTo("demo");
        assertThat(demo.json().path("organisations").get(1).path("organisation").asText())
                .isEqualTo("other");
        assertThat(demo.body()).contains(first, second, sharedByOther);
        Response other = awaitJson(
                path, "dev-other-team-key", r -> r.path("experimentCount").asInt() == 2);
        assertThat(other.body()).contains(sharedByOther, hiddenByOther).doesNotContain(first, second);
        for (String variant : List.of(path + "?organisation=other", path + "/", path + "?all=true")) {
            Response tried = gateway.get(variant, "dev-team-key");
            assertThat(tried.body()).as(variant).doesNotContain(hiddenByOther);
        }

        Response portfolio = awaitJson("/api/v1/portfolio", "dev-team-key", r -> chainOf(r, first, second));
        assertThat(portfolio.json().path("organisation").asText()).isEqualTo("demo");
        assertThat(portfolio.body()).doesNotContain(sharedByOther, hiddenByOther);
        assertThat(gateway.get("/api/v1/portfolio?organisation=other", "dev-team-key")
                        .status())
                .isEqualTo(403);
        assertThat(gateway.get("/api/v1/portfolio", "dev-emitter-key").status()).isEqualTo(403);
        Response asAdmin = gateway.get("/api/v1/portfolio?organisation=other", "dev-admin-key");
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
        assertThat(asAdmin.json().path("organisation").asText()).isEqualTo("other");
    }

    private static boolean chainOf(JsonNode portfolio, String first, String second) {
        for (var chain : portfolio.path("iterationChains")) {
            var steps = chain.path("steps");
            if (steps.size() == 2
                    && steps.get(0).path("id").asText().equals(first)
                    && steps.get(1).path("id").asText().equals(second)) {
                return true;
            }
        }
        return false;
    }

    private String create(String key, String service, boolean shared, String iterationOf) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Capacity " + UUID.randomUUID());
        body.put("service", service);
        body.put("variants", List.of(Map.of("key", "control", "weight", 50), Map.of("key", "short", "weight", 50)));
        body.put("sharedWithNetwork", shared);
        if (iterationOf != null) body.put("iterationOf", iterationOf);
        Response created = gateway.post("/api/v1/experiments", key, body);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private void start(String key, String id) {
        Response started = gateway.post("/api/v1/experiments/" + id + "/start", key, "{}");
        assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    }

    /** Polls a GET until its JSON satisfies {@code ready}, or fails with the last answer. */
    private Response awaitJson(String path, String key, Predicate<JsonNode> ready) {
        Instant deadline = Instant.now().plus(RESULTS_TIMEOUT);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = gateway.get(path, key);
            if (last.status() == 200 && ready.test(last.json())) return last;
            sleep(Duration.ofMillis(500));
        }
        return fail(
                "%s did not become ready within %s s; last answer: %s",
                path, RESULTS_TIMEOUT.toSeconds(), last == null ? "none" : last.status() + " " + last.abbreviated());
    }

    private String createAndStart(String name) {
        Map<String, Object> body = Map.of(
                "name",
                name + " " + UUID.randomUUID(),
                "hypothesis",
                "A 3-step form raises completion",
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
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/experiments/" + id));
        assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");

        Response started = gateway.post("/api/v1/experiments/" + id + "/start", "dev-team-key", "{}");
        assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
        assertThat(started.json().path("status").asText()).isEqualTo("RUNNING");
        return id;
    }

    private String assign(String id, String subject) {
        Response response = gateway.post(
                "/api/v1/experiments/" + id + "/assignments", "dev-emitter-key", Map.of("subjectId", subject));
        assertThat(response.status()).as("assignment: %s", response.body()).isEqualTo(200);
        return response.json().path("variant").asText();
    }

    private void send(List<Map<String, Object>> events) {
        Response response = gateway.post("/api/v1/events", "dev-emitter-key", events);
        assertThat(response.status()).as("events: %s", response.body()).isEqualTo(202);
        assertThat(response.json().path("rejected"))
                .as("rejected: %s", response.body())
                .isEmpty();
    }

    /** Polls the results until every variant's counts equal the expected ones, or fails with the last answer. */
    private void awaitResults(String id, Map<String, SliceTraffic.Counts> expected) {
        Instant deadline = Instant.now().plus(RESULTS_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                Response results = gateway.get("/api/v1/experiments/" + id + "/results", "dev-analyst-key");
                last = results.status() + " " + results.abbreviated();
                if (results.status() == 200
                        && SliceTraffic.Counts.of(results.json()).equals(expected)) {
                    return;
                }
                if (results.status() == 200) {
                    last = "counts " + SliceTraffic.Counts.of(results.json()) + " from " + results.abbreviated();
                }
            } catch (RuntimeException e) {
                last = e.toString();
            }
            sleep(Duration.ofMillis(500));
        }
        fail(
                "Results of %s did not reach %s within %s s; last answer: %s",
                id, expected, RESULTS_TIMEOUT.toSeconds(), last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

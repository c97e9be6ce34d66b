package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lab.like.stack.GatewayClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole system as a user meets it: a real Kafka broker, the MongoDB-protocol server and the three service
 * jars as child JVMs, called only through the gateway with the development keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackEndToEndTest {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(60);

    private Stack stack;
    private GatewayClient gateway;

    @BeforeAll
    void startStack() throws Exception {
        for (String service : Stack.SERVICES) {
            Path jar = HOME.resolve(service).resolve("target").resolve(service + ".jar");
            assumeTrue(
                    Files.isRegularFile(jar),
                    () -> "Skipping the end-to-end test: " + jar + " is missing. It runs in the full build "
                            + "(./mvnw verify from the repository root), which packages the services first.");
        }
        List<Integer> ports = Ports.free(9);
        Path data = Path.of("target", "e2e-data", String.valueOf(System.currentTimeMillis()))
                .toAbsolutePath();
        String[] args = {
            "--home",
            copyOfJars(data.resolve("home")).toString(),
            "--data-dir",
            data.toString(),
            "--gateway-port",
            ports.get(0).toString(),
            "--experiment-port",
            ports.get(1).toString(),
            "--metrics-port",
            ports.get(2).toString(),
            "--kafka-port",
            ports.get(3).toString(),
            "--kafka-controller-port",
            ports.get(4).toString(),
            "--mongo-port",
            ports.get(5).toString(),
            "--gateway-management-port",
            ports.get(6).toString(),
            "--experiment-management-port",
            ports.get(7).toString(),
            "--metrics-management-port",
            ports.get(8).toString(),
            "--in-memory-mongo",
            "--start-timeout",
            "180"
        };
        // Only the infrastructure switch is taken from the environment: the suite can run against a real
        // Kafka and MongoDB by setting KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI.
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        env.put("LIKELAB_SERVICE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
        StackConfig config = StackConfig.parse(args, env);
        long start = System.nanoTime();
        stack = Stack.start(config, line -> System.out.println("[stack] " + line));
        System.out.printf("[stack] all services ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        gateway = new GatewayClient(java.net.URI.create("http://localhost:" + config.gatewayPort()));
    }

    /** The children run copies of the jars, so that rebuilding a service while the test runs cannot break it. */
    private static Path copyOfJars(Path home) throws IOException {
        for (String service : Stack.SERVICES) {
            Path target = home.resolve(service).resolve("target");
            Files.createDirectories(target);
            Files.copy(
                    HOME.resolve(service).resolve("target").resolve(service + ".jar"),
                    target.resolve(service + ".jar"));
        }
        return home;
    }

    @AfterAll
    void stopStack() throws IOException {
        if (stack != null) {
            stack.close();
            for (String service : Stack.SERVICES) {
                Path copy = stack.config().jar(service);
                if (copy.startsWith(stack.config().dataDir())) {
                    Files.deleteIfExists(copy);
                }
            }
        }
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

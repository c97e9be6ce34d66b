package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import lab.like.stack.GatewayClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10 against the real stack (packaged jars, real broker): every finding replayed, the role x route x
 * organisation matrix through the gateway, and 10,000 generated bad requests with valid events mixed in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeroTrustEndToEndTest {

    static final long SEED = 20261202L;
    static final int BAD_REQUESTS = 10_000;
    /** The gateway's default cap of open results streams per key (likelab.gateway.limits.streams-per-key). */
    static final int STREAMS_PER_KEY = 20;

    private static final List<String> INTERNAL_TEXT = List.of(
            "Exception",
            "exception",
            "at lab.",
            "org.springframework",
            "reactor.",
            "127.0.0.1",
            "localhost:",
            "http://",
            "Whitelabel",
            "stack");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private Stack stack;
    private GatewayClient gateway;

    @BeforeAll
    void start() throws Exception {
        // the shared stack raises the anonymous limit, so guessed keys exercise every check, not only that limit
        stack = StackFixture.shared().stack;
        gateway = new GatewayClient(
                URI.create("http://localhost:" + stack.config().gatewayPort()));
    }

    @Test
    void theFindingsOfTheIssueAreRefusedAndNothingLeaks() throws Exception {
        int experimentPort = stack.config().experimentPort();
        int metricsPort = stack.config().metricsPort();
        // identity headers straight to a service: ignored, 401
        HttpResponse<String> direct = send(
                "GET",
                "http://127.0.0.1:" + experimentPort + "/api/v1/experiments",
                Map.of("X-LikeLab-Organisation", "*", "X-LikeLab-Roles", "ADMIN"));
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(send(
                                "GET",
                                "http://127.0.0.1:" + metricsPort + "/api/v1/experiments/x/results",
                                Map.of("X-LikeLab-Organisation", "*"))
                        .statusCode())
                .isEqualTo(401);
        // an API key is no internal token
        assertThat(send(
                                "GET",
                                "http://127.0.0.1:" + experimentPort + "/api/v1/experiments",
                                Map.of("Authorization", "Bearer dev-admin-key"))
                        .statusCode())
                .isEqualTo(401);
        // the services listen on loopback only
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            for (int port : List.of(experimentPort, metricsPort, stack.config().experimentManagementPort())) {
                assertThat(reachable(outside.get(), port))
                        .as("port %d on %s", port, outside.get())
                        .isFalse();
            }
        }
        // non-canonical paths stop at the gateway
        String base = gateway.base().toString();
        for (String path : List.of("/%61pi/v1/experiments", "/api;x/v1/experiments")) {
            HttpResponse<String> response = send("GET", base + path, Map.of("Authorization", "Bearer dev-admin-key"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
        // prometheus never on a public port; it is on the management ports
        for (String url : List.of(base, "http://127.0.0.1:" + experimentPort, "http://127.0.0.1:" + metricsPort)) {
            assertThat(send("GET", url + "/actuator/prometheus", Map.of()).statusCode())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(send(
                                "GET",
                                "http://127.0.0.1:" + stack.config().metricsManagementPort() + "/actuator/prometheus",
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
        // a metrics-service 404 passes through clean, with nosniff
        Response unknown = gateway.get("/api/v1/experiments/no-such-experiment/results", "dev-analyst-key");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(unknown.header("X-Content-Type-Options")).hasValue("nosniff");
        assertNoInternalText(unknown.body());
        // HEAD / answers
        assertThat(send("HEAD", base + "/", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void roleRouteAndOrganisationMatrixThroughTheGateway() throws InterruptedException {
        String demo = createAndStart("dev-team-key");
        List<String> failures = new ArrayList<>();
        record Call(String method, String path, Object body) {}
        String event = "[{\"eventId\":\"m-" + UUID.randomUUID() + "\",\"experimentId\":\"" + demo
                + "\",\"subjectId\":\"c-1\",\"type\":\"start\",\"occurredAt\":\"" + Instant.now() + "\"}]";
        Map<String, Call> routes = new TreeMap<>(Map.ofEntries(
                Map.entry("list", new Call("GET", "/api/v1/experiments", null)),
                Map.entry("read", new Call("GET", "/api/v1/experiments/" + demo, null)),
                Map.entry("patch", new Call("PATCH", "/api/v1/experiments/" + demo, "{\"hypothesis\":\"h\"}")),
                Map.entry("history", new Call("GET", "/api/v1/experiments/" + demo + "/history", null)),
                Map.entry("results", new Call("GET", "/api/v1/experiments/" + demo + "/results", null)),
                Map.entry("daily", new Call("GET", "/api/v1/experiments/" + demo + "/results/daily", null)),
                Map.entry(
                        "assign",
                        new Call("POST", "/api/v1/experiments/" + demo + "/assignments", "{\"subjectId\":\"c-1\"}")),
                Map.entry("events", new Call("POST", "/api/v1/events", event)),
                Map.entry("create", new Call("POST", "/api/v1/experiments", "{}")),
                Map.entry("portfolio", new Call("GET", "/api/v1/portfolio", null)),
                Map.entry("comparison", new Call("GET", "/api/v1/services/parking-permit/comparison", null))));
        // expected status per key and route (API.md's role table): 200/201/202 allowed, 400 allowed but invalid
        // body, 401, 403, 404 cross-tenant; portfolio and comparison are per caller, their contents checked below
        List<String> columns = List.of(
                "list",
                "read",
                "patch",
                "history",
                "results",
                "daily",
                "assign",
                "events",
                "create",
                "portfolio",
                "comparison");
        Map<String, List<Integer>> table = Map.of(
                "dev-team-key", List.of(200, 200, 200, 200, 200, 200, 200, 202, 400, 200, 200),
                "dev-analyst-key", List.of(200, 200, 403, 200, 200, 200, 403, 403, 403, 200, 200),
                "dev-emitter-key", List.of(403, 403, 403, 403, 403, 403, 200, 202, 403, 403, 403),
                "dev-other-team-key", List.of(200, 404, 404, 404, 404, 404, 404, 202, 400, 200, 200),
                "dev-admin-key", List.of(200, 200, 200, 200, 200, 200, 200, 202, 400, 200, 200),
                "no-such-key", List.of(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401));
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        table.forEach((key, statuses) -> {
            Map<String, Integer> byRoute = new TreeMap<>();
            for (int c = 0; c < columns.size(); c++) {
                byRoute.put(columns.get(c), statuses.get(c));
            }
            expected.put(key, byRoute);
        });
        expected.forEach((key, byRoute) -> byRoute.forEach((route, status) -> {
            Call call = routes.get(route);
            HttpResponse<String> response = send(
                    call.method(),
                    gateway.base() + call.path(),
                    Map.of(
                            "Authorization",
                            "Bearer " + key,
                            "Content-Type",
                            call.method().equals("PATCH") ? "application/merge-patch+json" : "application/json"),
                    call.body() == null ? null : call.body().toString());
            if (response.statusCode() != status) {
                failures.add(key + " " + route + ": " + response.statusCode() + " (expected " + status + ")");
            }
            if (status >= 400) {
                assertProblem(response);
            }
        }));
        assertThat(failures).isEmpty();
        // the per-caller views. The portfolio counts pilots (it names only chains and pilots waiting for a
        // decision): each organisation's is its own, and other's never names demo's pilot
        assertThat(gateway.get("/api/v1/portfolio", "dev-team-key")
                        .json()
                        .path("organisation")
                        .asText())
                .isEqualTo("demo");
        Response othersPortfolio = gateway.get("/api/v1/portfolio", "dev-other-team-key");
        assertThat(othersPortfolio.json().path("organisation").asText()).isEqualTo("other");
        assertThat(othersPortfolio.body()).doesNotContain(demo);
        // the comparison names experiments: once demo's own shows its pilot (the pilots read model follows the
        // experiments topic), demo's analyst sees it too and other never does (demo's pilot is not shared)
        String comparison = routes.get("comparison").path();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!gateway.get(comparison, "dev-team-key").body().contains(demo) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(gateway.get(comparison, "dev-team-key").body())
                .as("demo's comparison")
                .contains(demo);
        assertThat(gateway.get(comparison, "dev-analyst-key").body())
                .as("demo analyst's comparison")
                .contains(demo);
        assertThat(gateway.get(comparison, "dev-other-team-key").body())
                .as("other's comparison")
                .doesNotContain(demo);
        // other-team's event for demo's experiment is accepted as a batch but the event itself is refused
        Response foreign = gateway.post("/api/v1/events", "dev-other-team-key", event.replace("m-", "f-"));
        assertThat(foreign.json().path("accepted").asInt()).isZero();
        assertThat(foreign.json().path("rejected")).hasSize(1);
    }

    /**
     * Issue 11's stream promises through the real gateway and metrics-service: the document at once, one more
     * for each change (two events, two documents), a heartbeat, the per-key cap (429 {@code too-many-streams})
     * and a slot freed when its client leaves.
     */
    @Test
    void resultsStreamPushesEachChangeBeatsAndFreesTheSlotOfAClientThatLeaves() throws Exception {
        String id = createAndStart("dev-team-key");
        String stream = gateway.base() + "/api/v1/experiments/" + id + "/results/stream";
        // metrics-service knows the experiment once it has read the definition from the experiments topic
        long known = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (gateway.get("/api/v1/experiments/" + id + "/results", "dev-analyst-key")
                                .status()
                        == 404
                && System.nanoTime() < known) {
            Thread.sleep(200);
        }
        OpenStream first = OpenStream.open(http, stream, "dev-analyst-key");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.nextDocument()).as("the document at once").contains("\"eventsCounted\":0");
        for (int n = 1; n <= 2; n++) {
            String body = "[{\"eventId\":\"s-" + n + "-" + id + "\",\"experimentId\":\"" + id + "\",\"subjectId\":"
                    + "\"citizen-" + n + "\",\"type\":\"start\",\"occurredAt\":\"" + Instant.now() + "\"}]";
            assertThat(gateway.post("/api/v1/events", "dev-emitter-key", body).status())
                    .isEqualTo(202);
            assertThat(first.nextDocument()).as("change " + n).contains("\"eventsCounted\":" + n);
        }
        assertThat(first.heartbeatSeen(Duration.ofSeconds(20)))
                .as("a heartbeat comment")
                .isTrue();
        List<OpenStream> more = new ArrayList<>();
        for (int i = 1; i < STREAMS_PER_KEY; i++) {
            more.add(OpenStream.open(http, stream, "dev-analyst-key"));
            assertThat(more.get(i - 1).status())
                    .as("stream %d of the cap", i + 1)
                    .isEqualTo(200);
        }
        OpenStream refused = OpenStream.open(http, stream, "dev-analyst-key");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("too-many-streams");
        // another key has streams of its own
        OpenStream otherKey = OpenStream.open(http, stream, "dev-team-key");
        assertThat(otherKey.status()).isEqualTo(200);
        otherKey.close();
        first.close();
        OpenStream again = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            again = OpenStream.open(http, stream, "dev-analyst-key");
            if (again.status() == 200) {
                break;
            }
            assertThat(again.status()).isEqualTo(429);
            Thread.sleep(200);
        }
        assertThat(again.status()).as("a stream after one client left").isEqualTo(200);
        assertThat(again.nextDocument()).contains("\"eventsCounted\":2");
        again.close();
        more.forEach(OpenStream::close);
    }

    /** One SSE connection read line by line in the background; a refused one keeps its problem body. */
    private record OpenStream(
            int status, String body, BlockingQueue<String> lines, HttpResponse<Stream<String>> response) {

        static OpenStream open(HttpClient http, String url, String key) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + key)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            if (response.statusCode() != 200) {
                String body;
                try (Stream<String> all = response.body()) {
                    body = String.join("\n", all.toList());
                }
                return new OpenStream(response.statusCode(), body, lines, response);
            }
            Thread reader = new Thread(() -> {
                try (Stream<String> all = response.body()) {
                    all.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed this stream
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new OpenStream(200, "", lines, response);
        }

        /** The next pushed document (an SSE {@code data:} line), waiting up to 30 s for it. */
        String nextDocument() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith("data:")) {
                    return line.substring("data:".length());
                }
            }
            return "(no document within 30 s)";
        }

        boolean heartbeatSeen(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith(":")) {
                    return true;
                }
            }
            return false;
        }

        void close() {
            response.body().close();
        }
    }

    @Test
    void tenThousandBadRequestsLeaveNoFiveHundredsNoLeaksAndCountEveryValidEvent() throws Exception {
        String fuzzTarget = createAndStart("dev-team-key");
        String counted = createAndStart("dev-team-key");
        BadRequests generator = new BadRequests(SEED, gateway.base(), fuzzTarget);
        Map<Integer, AtomicInteger> byStatus = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        int valid = 0;
        long start = System.nanoTime();
        for (int i = 0; i < BAD_REQUESTS; i++) {
            if (i % 50 == 0) {
                // a valid event among the bad ones, one subject each: all must be counted exactly
                String body = "[{\"eventId\":\"ok-" + i + "\",\"experimentId\":\"" + counted + "\",\"subjectId\":"
                        + "\"citizen-" + i + "\",\"type\":\"start\",\"occurredAt\":\"" + Instant.now() + "\"}]";
                Response accepted = gateway.post("/api/v1/events", "dev-emitter-key", body);
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                assertThat(accepted.json().path("accepted").asInt()).isEqualTo(1);
                valid++;
            }
            HttpRequest request = generator.next(i);
            inFlight.acquire();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        inFlight.release();
                        if (error != null) {
                            // recorded, not thrown: the assertion below names the first failed requests
                            failures.add(request.method() + " " + request.uri() + ": " + error);
                            return null;
                        }
                        byStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                                .incrementAndGet();
                        check(request, response, failures);
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        System.out.printf(
                "[zero-trust] %d bad requests in %.1f s, by status: %s; %d valid events mixed in%n",
                BAD_REQUESTS, (System.nanoTime() - start) / 1e9, byStatus, valid);
        assertThat(failures)
                .as("first failures: %s", failures.stream().limit(5).toList())
                .isEmpty();
        assertThat(byStatus.keySet()).allMatch(status -> status < 500);
        for (ServiceProcess service : List.of(
                stack.service("experiment-service"), stack.service("metrics-service"), stack.service("gateway"))) {
            assertThat(service.isReady()).as(service.name()).isTrue();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long eventsCounted = -1;
        while (eventsCounted != valid && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            eventsCounted = gateway.get("/api/v1/experiments/" + counted + "/results", "dev-analyst-key")
                    .json()
                    .path("eventsCounted")
                    .asLong();
        }
        assertThat(eventsCounted).as("valid events counted").isEqualTo(valid);
    }

    private static void check(HttpRequest request, HttpResponse<String> response, List<String> failures) {
        int status = response.statusCode();
        String what = request.method() + " " + request.uri().getRawPath() + " -> " + status;
        if (status >= 500) {
            failures.add(what + " " + response.body());
        } else if (status >= 400 && !request.method().equals("HEAD")) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || !response.body().contains("\"type\":\"urn:likelab:")) {
                failures.add(what + " not a problem document: " + type + " " + abbreviate(response.body()));
            }
            for (String text : INTERNAL_TEXT) {
                if (response.body().contains(text)) {
                    failures.add(what + " leaks '" + text + "': " + abbreviate(response.body()));
                }
            }
        }
        if (!response.headers().firstValue("X-Content-Type-Options").equals(Optional.of("nosniff"))) {
            failures.add(what + " without nosniff");
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertNoInternalText(response.body());
    }

    private static void assertNoInternalText(String body) {
        for (String text : INTERNAL_TEXT) {
            assertThat(body).as("no internal text").doesNotContain(text);
        }
    }

    private String createAndStart(String key) {
        Map<String, Object> body = Map.of(
                "name",
                "Zero trust " + UUID.randomUUID(),
                "hypothesis",
                "Nothing leaks",
                "service",
                "parking-permit",
                "variants",
                List.of(Map.of("key", "control", "weight", 50), Map.of("key", "simplified", "weight", 50)));
        Response created = gateway.post("/api/v1/experiments", key, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(gateway.post("/api/v1/experiments/" + id + "/start", key, "{}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers) {
        return send(method, url, headers, null);
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (Exception refused) {
            return false;
        }
    }
}

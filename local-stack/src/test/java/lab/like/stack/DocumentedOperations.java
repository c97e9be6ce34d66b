package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Calls every operation of the gateway's {@code /v3/api-docs} on the running stack, with the admin key and a
 * real pilot: each must answer with something other than 404 or 405, i.e. the documented route exists.
 */
final class DocumentedOperations {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final GatewayClient gateway;

    DocumentedOperations(GatewayClient gateway) {
        this.gateway = gateway;
    }

    void assertEveryOperationAnswers(String experimentId) {
        GatewayClient.Response docs = gateway.get("/v3/api-docs", "");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode document = docs.json();
        assertThat(document.at("/servers/0/url").asText())
                .isEqualTo(gateway.base().toString());
        Pilots.poll(
                () -> gateway.get("/api/v1/experiments/" + experimentId + "/results", "dev-admin-key"),
                r -> r.status() == 200,
                "results of " + experimentId);
        List<String> answered = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replace("{id}", experimentId).replace("{service}", "parking-permit");
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String id = operation.getValue().path("operationId").asText();
                int status = call(method, concrete);
                answered.add(method + " " + path.getKey() + " " + status);
                assertThat(status)
                        .as(method + " " + concrete + " (" + id + ")")
                        .isNotIn(404, 405)
                        .isLessThan(500);
            }
        }
        System.out.println("[api-docs] " + String.join(", ", answered));
        assertThat(answered).hasSize(16);
    }

    private int call(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer dev-admin-key");
        if (path.endsWith("/stream")) {
            request.header("Accept", "text/event-stream");
            return streamStatus(request.GET().build());
        }
        request.header("Accept", "application/json");
        String body = path.endsWith("/events") ? "[]" : "{}";
        String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        HttpRequest built =
                switch (method) {
                    case "GET" -> request.GET().build();
                    default ->
                        request.header("Content-Type", type)
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build();
                };
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a stream, read from its headers; the body is closed unread. */
    private static int streamStatus(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String getCsv(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer dev-team-key")
                .header("Accept", "text/csv")
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(uri.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

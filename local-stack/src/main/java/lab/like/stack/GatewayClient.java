package lab.like.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** JSON over HTTP to the gateway with an API key, as an API user would call it. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    public GatewayClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Response get(String path, String apiKey) {
        return send(request(path, apiKey).GET().build());
    }

    public Response post(String path, String apiKey, Object body) {
        return send(request(path, apiKey).POST(body(body)).build());
    }

    public Response patch(String path, String apiKey, Object body) {
        return send(request(path, apiKey).method("PATCH", body(body)).build());
    }

    public CompletableFuture<Response> postAsync(String path, String apiKey, Object body) {
        return http.sendAsync(request(path, apiKey).POST(body(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(GatewayClient::toResponse);
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            return toResponse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Response toResponse(HttpResponse<String> response) {
        return new Response(
                response.statusCode(), response.body(), response.headers().map());
    }

    /** A status and a body, parsed as JSON on demand. */
    public record Response(int status, String body, Map<String, List<String>> headers) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isBlank() ? "null" : body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + abbreviated(), e);
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String abbreviated() {
            return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }
}

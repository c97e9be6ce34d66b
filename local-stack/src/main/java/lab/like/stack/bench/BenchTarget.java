package lab.like.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The stack under test: the gateway URL, the Kafka bootstrap servers and the API key, from args or env. */
record BenchTarget(String gatewayUrl, String kafkaBootstrap, String apiKey, HttpClient http) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static BenchTarget fromArgs(String[] args) {
        Map<String, String> env = System.getenv();
        String gateway = option(args, "--gateway", env.getOrDefault("LIKELAB_GATEWAY_URL", "http://localhost:8080"));
        String kafka = option(args, "--kafka", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        String key = option(args, "--key", "dev-team-key");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new BenchTarget(gateway, kafka, key, http);
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static long longOption(String[] args, String name, long fallback) {
        return Long.parseLong(option(args, name, Long.toString(fallback)));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json");
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(
                request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Creates and starts an experiment with the given variant keys (equal weights) and returns its id. */
    String createRunningExperiment(String name, String... variants) throws IOException, InterruptedException {
        StringBuilder list = new StringBuilder();
        int base = 100 / variants.length;
        for (int i = 0; i < variants.length; i++) {
            int weight = i == 0 ? 100 - base * (variants.length - 1) : base;
            list.append(i == 0 ? "" : ",")
                    .append("{\"key\":\"")
                    .append(variants[i])
                    .append("\",\"weight\":")
                    .append(weight)
                    .append('}');
        }
        String body = "{\"name\":\"" + name + "\",\"service\":\"benchmark\",\"variants\":[" + list + "]}";
        String id = post("/api/v1/experiments", body).get("id").asText();
        post("/api/v1/experiments/" + id + "/start", "{}");
        return id;
    }
}

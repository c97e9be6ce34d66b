package lab.like.stack.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Posts batches to {@code POST /api/v1/events} as an e-service would: a batch that got a 5xx, no connection or
 * no answer in time is sent again (the whole batch, so its accepted events arrive twice: they must count once);
 * a 429 waits for its {@code Retry-After}. Any other answer than 202 with nothing rejected is recorded.
 */
final class HttpEventSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final URI events;
    private final String apiKey;
    private final IntFunction<String> experimentIds;
    private final SendStats stats;

    HttpEventSender(URI gateway, String apiKey, IntFunction<String> experimentIds, SendStats stats) {
        this.events = gateway.resolve("/api/v1/events");
        this.apiKey = apiKey;
        this.experimentIds = experimentIds;
        this.stats = stats;
    }

    void send(List<FaultEvent> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder(batch.size() * 260).append('[');
        for (int i = 0; i < batch.size(); i++) {
            FaultEvent e = batch.get(i);
            body.append(i == 0 ? "" : ",").append(e.json(experimentIds.apply(e.experiment())));
        }
        String json = body.append(']').toString();
        long pause = 250;
        while (true) {
            stats.httpRequests.increment();
            String retry;
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(events)
                                .timeout(TIMEOUT)
                                .header("Authorization", "Bearer " + apiKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    JsonNode answer = JSON.readTree(response.body());
                    for (JsonNode rejection : answer.path("rejected")) {
                        stats.rejected(rejection.path("reason").asText());
                    }
                    stats.httpEvents.add(batch.size());
                    return;
                }
                if (status == 429) {
                    stats.resent("HTTP 429");
                    long seconds =
                            response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Math.max(1, seconds) * 1000);
                    continue;
                }
                if (status < 500) {
                    stats.rejected("HTTP " + status + " for a whole batch: " + abbreviate(response.body()));
                    return;
                }
                retry = "HTTP " + status;
            } catch (HttpTimeoutException e) {
                retry = "timeout";
            } catch (IOException e) {
                retry = "connection error";
            }
            stats.resent(retry);
            Thread.sleep(pause);
            pause = Math.min(2000, pause * 2);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}

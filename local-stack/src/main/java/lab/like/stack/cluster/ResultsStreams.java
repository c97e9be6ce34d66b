package lab.like.stack.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Open results streams (Server-Sent Events through the gateway), as dashboards keep them: each counts the
 * results documents it receives; one that ends (a stream lives 30 minutes) is opened again, one that fails or is
 * refused is counted as an error and opened again after a second.
 */
final class ResultsStreams {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    ResultsStreams(String gatewayUrl, String apiKey, List<String> experiments) {
        for (String experiment : experiments) {
            URI uri = URI.create(gatewayUrl + "/api/v1/experiments/" + experiment + "/results/stream");
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            Thread thread = new Thread(() -> follow(request), "results-stream");
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void follow(HttpRequest request) {
        while (!stopped) {
            try {
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    error(response.statusCode() + " on " + request.uri());
                    response.body().close();
                } else {
                    opened.incrementAndGet();
                    try (Stream<String> lines = response.body()) {
                        Iterator<String> it = lines.iterator();
                        while (!stopped && it.hasNext()) {
                            String line = it.next();
                            if (line.startsWith("event:") && line.contains("results")) documents.incrementAndGet();
                            if (line.startsWith(":")) heartbeats.incrementAndGet();
                        }
                    }
                    continue;
                }
            } catch (IOException | RuntimeException e) {
                if (!stopped) error(e.getClass().getSimpleName() + " " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
            pause();
        }
    }

    private void error(String problem) {
        errors.incrementAndGet();
        if (problems.size() < 50) problems.add(problem);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long documents() {
        return documents.get();
    }

    long heartbeats() {
        return heartbeats.get();
    }

    long errors() {
        return errors.get();
    }

    long opened() {
        return opened.get();
    }

    int streams() {
        return threads.size();
    }

    List<String> problems() {
        return problems;
    }

    void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
    }
}

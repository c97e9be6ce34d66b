package lab.like.stack.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends event batches to {@code POST /api/v1/events} through the gateway from a few threads, as e-services
 * would: a batch that gets a 5xx, a 429, another non-202 answer or no answer is sent again (the eventIds make
 * that safe) after a pause, until it is accepted. A 202 whose {@code rejected} list is not empty is recorded as
 * a rejection (every generated event is valid). Optionally paced to an event rate.
 */
final class EventSender implements AutoCloseable {

    private static final String ACCEPTED = "\"accepted\":";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI events;
    private final String apiKey;
    private final LinkedBlockingQueue<String[]> queue = new LinkedBlockingQueue<>(8);
    private final ExecutorService threads;
    private final List<Future<?>> workers = new ArrayList<>();
    private final Window window = new Window();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final double eventsPerSecond;
    private final long startNanos = System.nanoTime();
    private final AtomicLong scheduled = new AtomicLong();

    EventSender(String gatewayUrl, String apiKey, int senders, double eventsPerSecond) {
        this.events = URI.create(gatewayUrl + "/api/v1/events");
        this.apiKey = apiKey;
        this.eventsPerSecond = eventsPerSecond;
        this.threads = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "event-sender");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < senders; i++) {
            workers.add(threads.submit(this::work));
        }
    }

    /** Queues one batch (a JSON array's elements); blocks while the senders are behind. */
    void send(List<String> batch) throws InterruptedException {
        queue.put(batch.toArray(String[]::new));
    }

    private void work() {
        try {
            while (true) {
                String[] batch = queue.take();
                if (batch.length == 0) return;
                pace(batch.length);
                post(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pace(int events) {
        double rate = eventsPerSecond;
        if (rate <= 0) return;
        long due = startNanos + (long) (scheduled.getAndAdd(events) / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
    }

    private void post(String[] batch) throws InterruptedException {
        String body = "[" + String.join(",", batch) + "]";
        HttpRequest request = HttpRequest.newBuilder(events)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            String problem;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    long count = acceptedCount(response.body());
                    window.success(System.nanoTime() - t0, count);
                    accepted.addAndGet(count);
                    if (count != batch.length || !response.body().contains("\"rejected\":[]")) {
                        rejections.addAndGet(batch.length - count);
                        note("202 with rejections: " + abbreviate(response.body()));
                    }
                    return;
                }
                problem = response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + " " + e.getMessage();
            }
            window.failure();
            retries.incrementAndGet();
            note("attempt " + attempt + ": " + problem);
            Thread.sleep(Math.min(2_000, 200L * attempt));
        }
    }

    private void note(String problem) {
        if (problems.size() < 200) problems.add(problem);
    }

    static long acceptedCount(String body) {
        int at = body.indexOf(ACCEPTED);
        if (at < 0) return 0;
        int end = at + ACCEPTED.length();
        int stop = end;
        while (stop < body.length() && Character.isDigit(body.charAt(stop))) stop++;
        return Long.parseLong(body.substring(end, stop));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Waits until every queued batch is accepted. */
    void finish() throws Exception {
        for (int i = 0; i < workers.size(); i++) queue.put(new String[0]);
        for (Future<?> worker : workers) worker.get();
    }

    Window window() {
        return window;
    }

    long accepted() {
        return accepted.get();
    }

    long retries() {
        return retries.get();
    }

    long rejections() {
        return rejections.get();
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

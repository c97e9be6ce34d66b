package lab.like.stack.cluster;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import lab.like.stack.GatewayClient;

/** Reads results of random experiments through the gateway in the background, as analysts' dashboards do. */
final class ResultsReader {

    private final Thread thread;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Window window;
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private ResultsReader(
            GatewayClient gateway, String apiKey, List<String> experiments, long pauseMillis, Window window) {
        this.window = window;
        thread = new Thread(
                () -> {
                    while (!stopped) {
                        String id = experiments.get(ThreadLocalRandom.current().nextInt(experiments.size()));
                        long t0 = System.nanoTime();
                        try {
                            GatewayClient.Response response =
                                    gateway.get("/api/v1/experiments/" + id + "/results", apiKey);
                            reads.incrementAndGet();
                            if (response.status() == 200) {
                                window.success(System.nanoTime() - t0, 1);
                            } else {
                                fail("GET results " + response.status() + " " + response.abbreviated());
                            }
                        } catch (RuntimeException e) {
                            reads.incrementAndGet();
                            fail("GET results: " + e.getMessage()
                                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                        }
                        try {
                            Thread.sleep(pauseMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "results-reader");
        thread.setDaemon(true);
    }

    static ResultsReader start(GatewayClient gateway, String apiKey, List<String> experiments) {
        return start(gateway, apiKey, experiments, 200, new Window());
    }

    /** A reader that pauses {@code pauseMillis} between reads and records their latencies into {@code window}. */
    static ResultsReader start(
            GatewayClient gateway, String apiKey, List<String> experiments, long pauseMillis, Window window) {
        ResultsReader reader = new ResultsReader(gateway, apiKey, experiments, pauseMillis, window);
        reader.thread.start();
        return reader;
    }

    private void fail(String problem) {
        failures.incrementAndGet();
        window.failure();
        if (problems.size() < 50) problems.add(problem);
    }

    List<String> problems() {
        return problems;
    }

    long reads() {
        return reads.get();
    }

    long failures() {
        return failures.get();
    }

    Window window() {
        return window;
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }
}

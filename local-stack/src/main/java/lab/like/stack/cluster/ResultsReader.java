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
                            int status = gateway.get("/api/v1/experiments/" + id + "/results", apiKey)
                                    .status();
                            reads.incrementAndGet();
                            if (status == 200) {
                                window.success(System.nanoTime() - t0, 1);
                            } else {
                                failures.incrementAndGet();
                                window.failure();
                            }
                        } catch (RuntimeException e) {
                            reads.incrementAndGet();
                            failures.incrementAndGet();
                            window.failure();
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

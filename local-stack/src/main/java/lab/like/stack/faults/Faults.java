package lab.like.stack.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import lab.like.stack.ServiceFailedException;
import lab.like.stack.ServiceProcess;
import lab.like.stack.Stack;

/**
 * The faults, applied one after the other on their own thread while the stream goes on: SIGKILL of a service
 * (the launcher's supervisor starts it again; a service is killed again only once it is back and ready), and
 * clean restarts of the embedded broker and MongoDB-protocol server.
 */
final class Faults implements AutoCloseable {

    enum Kind {
        KILL,
        RESTART_KAFKA,
        RESTART_MONGO
    }

    record Step(Kind kind, String service) {

        static Step kill(String service) {
            return new Step(Kind.KILL, service);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case KILL -> "SIGKILL " + service;
                case RESTART_KAFKA -> "restart the Kafka broker";
                case RESTART_MONGO -> "restart the MongoDB-protocol server";
            };
        }
    }

    /** The plan: metrics-service killed three times, the other two services once, each server restarted. */
    static final List<Step> PLAN = List.of(
            Step.kill("metrics-service"),
            Step.kill("gateway"),
            Step.kill("metrics-service"),
            new Step(Kind.RESTART_KAFKA, null),
            Step.kill("experiment-service"),
            new Step(Kind.RESTART_MONGO, null),
            Step.kill("metrics-service"));

    private final Stack stack;
    private final Consumer<String> out;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "faults"));
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();

    Faults(Stack stack, Consumer<String> out) {
        this.stack = stack;
        this.out = out;
    }

    /**
     * Queues a step; the first future completes when the fault has been applied (the process killed, the server
     * going down), the second when the step is over (for a server restart: it is back).
     */
    Applied apply(Step step) {
        CompletableFuture<Void> appliedAt = new CompletableFuture<>();
        CompletableFuture<Void> done = CompletableFuture.runAsync(
                () -> {
                    try {
                        run(step, appliedAt);
                    } catch (Exception e) {
                        appliedAt.completeExceptionally(e);
                        throw new IllegalStateException("fault step '" + step + "' failed: " + e, e);
                    }
                },
                thread);
        done.whenComplete((v, e) -> {
            if (e != null) appliedAt.completeExceptionally(e);
        });
        return new Applied(appliedAt, done);
    }

    record Applied(CompletableFuture<Void> applied, CompletableFuture<Void> done) {}

    private void run(Step step, CompletableFuture<Void> appliedAt) throws Exception {
        switch (step.kind()) {
            case KILL -> {
                ServiceProcess victim = readyProcess(step.service());
                note(step + " (pid " + victim.pid() + ")");
                stack.crash(step.service());
                appliedAt.complete(null);
            }
            case RESTART_KAFKA -> {
                note(step.toString());
                appliedAt.complete(null);
                stack.restartKafka();
            }
            case RESTART_MONGO -> {
                note(step.toString());
                appliedAt.complete(null);
                stack.restartMongo();
            }
        }
    }

    /** The service's current process once it is ready (after a kill, the one the supervisor started). */
    private ServiceProcess readyProcess(String service) throws InterruptedException {
        long deadline = System.nanoTime() + stack.config().startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ServiceProcess current = stack.service(service);
            try {
                if (current.isReady()) {
                    return current;
                }
            } catch (ServiceFailedException exited) {
                // dead, the supervisor is replacing it
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                service + " was not ready within " + stack.config().startTimeout());
    }

    /** Waits until every service's current process is ready (after the last kill). */
    void awaitAllReady() throws InterruptedException {
        for (String service : Stack.SERVICES) {
            readyProcess(service);
        }
    }

    private void note(String what) {
        String line = String.format(
                "[fault +%5.1f s] %s",
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1e3, what);
        applied.add(line);
        out.accept(line);
    }

    List<String> applied() {
        return List.copyOf(applied);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

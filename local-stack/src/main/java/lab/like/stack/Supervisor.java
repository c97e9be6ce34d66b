package lab.like.stack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a service whose JVM exits while the stack is up, as Kubernetes restarts a crashed container: after a
 * delay that doubles with each crash in a row ({@link Backoff}), logged and counted. A service that is being
 * stopped on purpose (the stack closing, an explicit restart: {@link #hold}) is not restarted.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    /**
     * Crash loop back-off: the n-th crash in a row waits {@code initial * 2^(n-1)}, at most {@code max}; a run that
     * lasted {@code stableAfter} ends the row, so the next crash waits {@code initial} again.
     */
    public record Backoff(Duration initial, Duration max, Duration stableAfter) {

        public static final Backoff DEFAULT =
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

        public Duration delay(int crashesInARow) {
            long millis = initial.toMillis();
            for (int i = 1; i < crashesInARow && millis < max.toMillis(); i++) {
                millis *= 2;
            }
            return Duration.ofMillis(Math.min(millis, max.toMillis()));
        }
    }

    /** One restart: which service, its number for that service, the process that exited and the delay chosen. */
    public record Restart(String service, int number, long exitedPid, int exitCode, Instant exitedAt, Duration delay) {}

    private static final class Watched {
        ServiceProcess current;
        Instant startedAt;
        boolean held;
        int crashesInARow;
    }

    private final Backoff backoff;
    private final Consumer<String> progress;
    private final BiConsumer<String, ServiceProcess> started;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "service-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final List<Restart> restarts = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param started told of every process the supervisor starts, before it is watched */
    public Supervisor(Backoff backoff, Consumer<String> progress, BiConsumer<String, ServiceProcess> started) {
        this.backoff = backoff;
        this.progress = progress;
        this.started = started;
    }

    /** Watches this process of its service: when it exits and the service is not held, a new one is started. */
    public void watch(ServiceProcess service) {
        Watched w = watched.computeIfAbsent(service.name(), n -> new Watched());
        synchronized (w) {
            w.current = service;
            w.startedAt = Instant.now();
            w.held = false;
        }
        service.onExit().thenRun(() -> exited(w, service));
    }

    /** The service's current process is about to be stopped on purpose: its exit is not a crash. */
    public void hold(String name) {
        Watched w = watched.get(name);
        if (w != null) {
            synchronized (w) {
                w.held = true;
            }
        }
    }

    private void exited(Watched w, ServiceProcess service) {
        synchronized (w) {
            if (closed || w.held || w.current != service) {
                return;
            }
            Instant now = Instant.now();
            boolean stable = Duration.between(w.startedAt, now).compareTo(backoff.stableAfter()) >= 0;
            w.crashesInARow = stable ? 1 : w.crashesInARow + 1;
            Duration delay = backoff.delay(w.crashesInARow);
            Restart restart = new Restart(
                    service.name(), restarts(service.name()) + 1, service.pid(), service.exitCode(), now, delay);
            restarts.add(restart);
            String line = String.format(
                    "%s (pid %d) exited with code %d after %.1f s; restart #%d in %.1f s (restarts: %s). Log: %s",
                    service.name(),
                    service.pid(),
                    service.exitCode(),
                    Duration.between(w.startedAt, now).toMillis() / 1e3,
                    restart.number(),
                    delay.toMillis() / 1e3,
                    status(),
                    service.spec().logFile());
            progress.accept(line);
            LOG.warn(line);
            service.lastLogLines(8).forEach(l -> {
                progress.accept("  | " + l);
                LOG.warn("  | {}", l);
            });
            scheduler.schedule(() -> restart(w, service, restart), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart(Watched w, ServiceProcess crashed, Restart restart) {
        ServiceProcess fresh;
        synchronized (w) {
            if (closed || w.held || w.current != crashed) {
                return;
            }
            try {
                fresh = ServiceProcess.start(crashed.spec());
            } catch (IOException e) {
                String line = crashed.name() + " could not be started again (" + e.getMessage() + "); trying again";
                progress.accept(line);
                LOG.error(line, e);
                w.crashesInARow++;
                scheduler.schedule(
                        () -> restart(w, crashed, restart),
                        backoff.delay(w.crashesInARow).toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            started.accept(crashed.name(), fresh);
            watch(fresh);
        }
        String line = "Restarted " + fresh.name() + " (restart #" + restart.number() + ", pid " + fresh.pid() + ")";
        progress.accept(line);
        LOG.info(line);
        scheduler.schedule(() -> reportReady(fresh, restart, System.nanoTime()), 500, TimeUnit.MILLISECONDS);
    }

    private void reportReady(ServiceProcess fresh, Restart restart, long since) {
        if (closed || !fresh.isAlive()) {
            return;
        }
        try {
            if (fresh.isReady()) {
                String line = String.format(
                        "%s ready again after restart #%d (%.1f s)",
                        fresh.name(), restart.number(), (System.nanoTime() - since) / 1e9 + 0.5);
                progress.accept(line);
                LOG.info(line);
                return;
            }
        } catch (ServiceFailedException e) {
            return; // it exited: exited() has taken over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        scheduler.schedule(() -> reportReady(fresh, restart, since), 500, TimeUnit.MILLISECONDS);
    }

    /** How often this service has been restarted. */
    public int restarts(String name) {
        return (int) restarts.stream().filter(r -> r.service().equals(name)).count();
    }

    public List<Restart> history() {
        return List.copyOf(restarts);
    }

    /** {@code experiment-service 0, metrics-service 3, gateway 1}: restarts per watched service. */
    public String status() {
        return watched.keySet().stream()
                .sorted(Comparator.comparingInt((String n) -> Stack.SERVICES.indexOf(n))
                        .thenComparing(Comparator.naturalOrder()))
                .map(name -> name + " " + restarts(name))
                .collect(Collectors.joining(", "));
    }

    /** Restarts nothing from now on; waits for a restart under way, so that its process is known to the stack. */
    @Override
    public void close() {
        closed = true;
        for (Watched w : watched.values()) {
            synchronized (w) {
                w.held = true;
            }
        }
        scheduler.shutdownNow();
    }
}

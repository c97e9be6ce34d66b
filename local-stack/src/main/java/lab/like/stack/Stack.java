package lab.like.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import lab.like.stack.ServiceProcess.ServiceSpec;

/**
 * The whole system on one machine: embedded Kafka and MongoDB (unless external ones are configured) and the
 * three services as child JVMs. Used by the launcher, the end-to-end test and benchmarks.
 */
public final class Stack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("experiment-service", "metrics-service", "gateway");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackConfig config;
    private final Consumer<String> progress;
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PidFile pidFile;
    private EmbeddedMongo mongo;
    private EmbeddedKafka kafka;
    private Path watchdogJar;
    private volatile Supervisor supervisor;

    /** A stack that is not started yet: register {@link #close()} for shutdown first, then call {@link #start()}. */
    public Stack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.pidFile = new PidFile(config.dataDir());
    }

    /** Starts everything and waits until every service is ready; on failure stops what was started and throws. */
    public static Stack start(StackConfig config, Consumer<String> progress) throws Exception {
        Stack stack = new Stack(config, progress);
        stack.start();
        return stack;
    }

    /** Starts everything and waits until every service is ready; on failure stops what was started and throws. */
    public void start() throws Exception {
        try {
            startAll();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(config.logDir());
        pidFile.stopLeftovers(progress);
        watchdogJar = WatchdogJar.write(config.dataDir().resolve("run"));
        if (config.externalMongo().isEmpty()) {
            mongo = config.persistentMongo()
                    ? EmbeddedMongo.startPersistent(config.dataDir().resolve("mongo"), config.mongoPort())
                    : EmbeddedMongo.startInMemory(config.mongoPort());
            progress.accept("MongoDB-protocol server (mongo-java-server, "
                    + (config.persistentMongo() ? "H2 file" : "in memory") + ") listening on " + config.mongoUri());
        } else {
            progress.accept("Using external MongoDB " + config.mongoUri());
        }
        if (config.externalKafka().isEmpty()) {
            kafka = EmbeddedKafka.start(
                    config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
            progress.accept("Kafka broker (KRaft, broker+controller) ready on " + config.kafkaBootstrapServers());
        } else {
            progress.accept("Using external Kafka " + config.kafkaBootstrapServers());
        }
        for (String name : SERVICES) {
            if (closed.get()) {
                throw new IllegalStateException("stopped while starting");
            }
            services.put(name, ServiceProcess.start(spec(name)));
            progress.accept("Starting " + name + " on port " + port(name) + " (output: " + logFile(name) + ")");
        }
        writePids();
        awaitReady(running());
    }

    /** The services' current processes, in {@link #SERVICES} order. */
    private List<ServiceProcess> running() {
        return SERVICES.stream()
                .map(services::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * From now on a service whose JVM exits is started again after a back-off delay, as Kubernetes would (see
     * {@link Supervisor}); {@link #crash} then leads to a restart, {@link #restart} and {@link #close} do not.
     */
    public synchronized Supervisor supervise(Supervisor.Backoff backoff) {
        if (supervisor == null) {
            supervisor = new Supervisor(backoff, progress, (name, fresh) -> {
                services.put(name, fresh);
                try {
                    writePids();
                } catch (IOException e) {
                    progress.accept("Could not write " + config.dataDir().resolve("pids") + ": " + e.getMessage());
                }
            });
            running().forEach(supervisor::watch);
        }
        return supervisor;
    }

    /** The supervisor, when {@link #supervise} was called. */
    public java.util.Optional<Supervisor> supervisor() {
        return java.util.Optional.ofNullable(supervisor);
    }

    private void awaitReady(List<ServiceProcess> pending) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + config.startTimeout().toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(pending);
        long nextNote = start + Duration.ofSeconds(20).toNanos();
        while (!waiting.isEmpty() && !closed.get()) {
            if (System.nanoTime() > nextNote) {
                progress.accept("Still waiting for "
                        + String.join(
                                ", ", waiting.stream().map(ServiceProcess::name).toList())
                        + String.format(" (%.0f s)", (System.nanoTime() - start) / 1e9));
                nextNote += Duration.ofSeconds(20).toNanos();
            }
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (service.isReady()) {
                    waiting.remove(service);
                    progress.accept(service.name() + " ready on " + service.baseUri() + " after "
                            + String.format("%.1f s", (System.nanoTime() - start) / 1e9));
                }
            }
            if (System.nanoTime() > deadline && !waiting.isEmpty()) {
                throw new ServiceFailedException(
                        waiting.get(0),
                        "was not ready after " + config.startTimeout().toSeconds() + " s");
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
    }

    private ServiceSpec spec(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port(name)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("MONGODB_URI", config.mongoUri());
        env.put("LIKELAB_STATE_DIR", config.dataDir().resolve("metrics-streams").toString());
        env.put("EXPERIMENT_SERVICE_URL", "http://127.0.0.1:" + config.experimentPort());
        env.put("METRICS_SERVICE_URL", "http://127.0.0.1:" + config.metricsPort());
        env.put("LIKELAB_SUBJECT_SECRET", config.subjectSecret());
        env.put("LIKELAB_INTERNAL_SIGNING_KEY", config.internalSigningKey());
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort(name)));
        // the management ports and the services' API ports answer on loopback only: the gateway is the one door
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        if (!name.equals("gateway")) {
            env.put("SERVER_ADDRESS", "127.0.0.1");
        }
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        List<String> javaOptions = new ArrayList<>();
        javaOptions.add(
                "-javaagent:" + watchdogJar + "=" + ProcessHandle.current().pid());
        boolean collectorChosen =
                config.serviceJavaOptions().stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        if (name.equals("metrics-service") && !collectorChosen) {
            // a throughput service with a small live set: the parallel collector's cheaper write barriers give
            // the stream thread about 10% more events per second than G1, at young pauses of a few ms
            javaOptions.add("-XX:+UseParallelGC");
        }
        javaOptions.addAll(config.serviceJavaOptions());
        return new ServiceSpec(
                name,
                config.jar(name),
                port(name),
                managementPort(name),
                env,
                javaOptions,
                config.home(),
                logFile(name));
    }

    private int port(String name) {
        return switch (name) {
            case "experiment-service" -> config.experimentPort();
            case "metrics-service" -> config.metricsPort();
            case "gateway" -> config.gatewayPort();
            default -> throw new IllegalArgumentException("unknown service " + name);
        };
    }

    private int managementPort(String name) {
        return switch (name) {
            case "experiment-service" -> config.experimentManagementPort();
            case "metrics-service" -> config.metricsManagementPort();
            case "gateway" -> config.gatewayManagementPort();
            default -> throw new IllegalArgumentException("unknown service " + name);
        };
    }

    private Path logFile(String name) {
        return config.logDir().resolve(name + ".log");
    }

    private void writePids() throws IOException {
        List<ProcessHandle> handles = new ArrayList<>(List.of(ProcessHandle.current()));
        List<String> names = new ArrayList<>(List.of("launcher"));
        running().forEach(s -> {
            ProcessHandle.of(s.pid()).ifPresent(handles::add);
            names.add(s.name());
        });
        pidFile.write(handles, names.subList(0, handles.size()));
    }

    public boolean isClosed() {
        return closed.get();
    }

    public StackConfig config() {
        return config;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Kills a service the hard way (SIGKILL), as a crash would. */
    public void crash(String name) throws InterruptedException {
        services.get(name).kill();
    }

    /** Starts a fresh JVM for a service that was stopped or crashed, and waits until it is ready. */
    public ServiceProcess restart(String name) throws Exception {
        ServiceProcess old = services.get(name);
        if (supervisor != null) {
            supervisor.hold(name);
        }
        old.stop(STOP_GRACE);
        ServiceProcess fresh = ServiceProcess.start(old.spec());
        services.put(name, fresh);
        if (supervisor != null) {
            supervisor.watch(fresh);
        }
        writePids();
        awaitReady(List.of(fresh));
        return fresh;
    }

    /**
     * Waits until the supervisor has replaced {@code crashed} by a new process of the same service and that one
     * is ready (it may itself crash and be replaced meanwhile); gives up after the start timeout.
     */
    public ServiceProcess awaitReplaced(ServiceProcess crashed) throws InterruptedException {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        while (System.nanoTime() < deadline && !closed.get()) {
            ServiceProcess current = services.get(crashed.name());
            try {
                if (current != crashed && current.isReady()) {
                    return current;
                }
            } catch (ServiceFailedException e) {
                // the new one died too: the supervisor starts another
            }
            Thread.sleep(250);
        }
        throw new ServiceFailedException(
                services.get(crashed.name()),
                "was not restarted and ready after " + config.startTimeout().toSeconds() + " s");
    }

    /**
     * Stops the embedded Kafka broker cleanly and starts it again on the same log directory and ports: every
     * record it acknowledged is still there. The services' clients reconnect by themselves.
     */
    public synchronized void restartKafka() throws IOException {
        if (kafka == null) {
            throw new IllegalStateException(
                    "Kafka is external (" + config.kafkaBootstrapServers() + "): not restarted");
        }
        progress.accept("Restarting the Kafka broker");
        long start = System.nanoTime();
        kafka = kafka.restart();
        progress.accept(String.format("Kafka broker ready again after %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /**
     * Stops the embedded MongoDB-protocol server (committing its H2 file) and starts it again on the same file and
     * port. Refused for an in-memory server, which would come back empty.
     */
    public synchronized void restartMongo() throws IOException {
        if (mongo == null) {
            throw new IllegalStateException("MongoDB is external (" + config.mongoUri() + "): not restarted");
        }
        progress.accept("Restarting the MongoDB-protocol server");
        long start = System.nanoTime();
        mongo = mongo.restart();
        progress.accept(
                String.format("MongoDB-protocol server ready again after %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /** Stops the services (gateway first), then Kafka, then MongoDB. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (supervisor != null) {
            supervisor.close();
            progress.accept("Service restarts during this run: " + supervisor.status());
        }
        List<ServiceProcess> running =
                running().stream().filter(ServiceProcess::isAlive).toList();
        if (!running.isEmpty()) {
            progress.accept("Stopping "
                    + String.join(
                            ", ", running.stream().map(ServiceProcess::name).toList()) + " (SIGTERM, up to "
                    + STOP_GRACE.toSeconds() + " s, then SIGKILL)");
            running.forEach(ServiceProcess::requestStop);
            running.forEach(this::stopQuietly);
        }
        if (kafka != null) {
            progress.accept("Stopping Kafka broker");
            kafka.close();
        }
        if (mongo != null) {
            progress.accept("Stopping MongoDB-protocol server");
            mongo.close();
        }
        try {
            pidFile.delete();
        } catch (IOException e) {
            progress.accept("Could not delete " + config.dataDir().resolve("pids") + ": " + e.getMessage());
        }
    }

    private void stopQuietly(ServiceProcess service) {
        if (!service.isAlive()) {
            return;
        }
        try {
            service.stop(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package lab.like.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.like.stack.Ports;
import lab.like.stack.ServiceProcess;
import lab.like.stack.ServiceProcess.ServiceSpec;
import lab.like.stack.StackConfig;

/**
 * The services of a cluster run as child JVMs: experiment-service, {@code metricsInstances} metrics-service
 * instances (same application id and consumer groups, each with its own ports and state directory) and the
 * gateway, which reaches metrics-service through a {@link Balancer} as it would a Kubernetes Service. The
 * environment is the one {@code lab.like.stack.Stack} gives its services.
 */
final class ServiceSet implements AutoCloseable {

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Path home;
    private final Path dataDir;
    private final String kafka;
    private final String mongo;
    private final List<String> javaOptions;
    private final List<Integer> ports;
    private final Balancer metricsBalancer;
    private final int metricsInstances;

    ServiceSet(Path home, Path dataDir, String kafka, String mongo, List<String> javaOptions, int metricsInstances)
            throws IOException {
        this.home = home;
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.mongo = mongo;
        this.javaOptions = javaOptions;
        this.metricsInstances = metricsInstances;
        this.ports = Ports.free(5 + 2 * metricsInstances);
        this.metricsBalancer = Balancer.start(ports.get(4));
    }

    /** Starts every service at once and waits until all are ready. */
    void start(Duration timeout) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        started.add(start(spec("experiment-service", ports.get(0), ports.get(1), Map.of())));
        for (int i = 1; i <= metricsInstances; i++) {
            ServiceProcess metrics = start(metricsSpec(i));
            started.add(metrics);
            metricsBalancer.addBackend(metrics);
        }
        started.add(start(spec("gateway", ports.get(2), ports.get(3), Map.of())));
        awaitReady(started, timeout);
    }

    private ServiceProcess start(ServiceSpec spec) throws IOException {
        ServiceProcess process = ServiceProcess.start(spec);
        services.put(spec.name(), process);
        return process;
    }

    private ServiceSpec metricsSpec(int instance) {
        String name = "metrics-service-" + instance;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("LIKELAB_STATE_DIR", dataDir.resolve(name + "-streams").toString());
        return spec(name, ports.get(3 + 2 * instance), ports.get(4 + 2 * instance), extra);
    }

    private ServiceSpec spec(String name, int port, int managementPort, Map<String, String> extra) {
        String module = name.startsWith("metrics-service") ? "metrics-service" : name;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MONGODB_URI", mongo);
        env.put("EXPERIMENT_SERVICE_URL", "http://127.0.0.1:" + ports.get(0));
        env.put("METRICS_SERVICE_URL", "http://127.0.0.1:" + metricsBalancer.port());
        env.put("LIKELAB_SUBJECT_SECRET", StackConfig.DEV_SUBJECT_SECRET);
        env.put("LIKELAB_INTERNAL_SIGNING_KEY", StackConfig.DEV_INTERNAL_SIGNING_KEY);
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        // experiment-service creates its topics with this replication (metrics-service takes the broker default)
        env.put("LIKELAB_REPLICATION_FACTOR", "3");
        if (!name.equals("gateway")) {
            env.put("SERVER_ADDRESS", "127.0.0.1");
        }
        env.putAll(extra);
        List<String> options = new ArrayList<>(javaOptions);
        if (module.equals("metrics-service")) {
            options.add("-XX:+UseParallelGC");
            // the Streams client id names the instance, so the group's members show which one holds a partition
            options.add("-Dlikelab.metrics.streams-overrides[client.id]=" + name);
        }
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        return new ServiceSpec(
                name,
                jar,
                port,
                managementPort,
                env,
                options,
                home,
                dataDir.resolve("logs").resolve(name + ".log"));
    }

    static void awaitReady(List<ServiceProcess> pending, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(pending);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                try {
                    if (service.isReady()) waiting.remove(service);
                } catch (RuntimeException exited) {
                    throw new IllegalStateException(
                            exited.getMessage() + ":\n" + String.join("\n", service.lastLogLines(30)), exited);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                ServiceProcess late = waiting.get(0);
                throw new IllegalStateException(late.name() + " was not ready after " + timeout.toSeconds()
                        + " s (log: " + late.spec().logFile() + "):\n" + String.join("\n", late.lastLogLines(30)));
            }
            Thread.sleep(250);
        }
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    List<ServiceProcess> metricsInstances() {
        return services.values().stream()
                .filter(s -> s.name().startsWith("metrics-service"))
                .toList();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get(2);
    }

    /** The jars are copied first, so that a rebuild while the run goes on cannot break a running JVM. */
    static Path copyJars(Path from, Path to) throws IOException {
        for (String module : List.of("experiment-service", "metrics-service", "gateway")) {
            Path jar = from.resolve(module).resolve("target").resolve(module + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B -DskipTests package");
            }
            Path target = Files.createDirectories(to.resolve(module).resolve("target"));
            Files.copy(jar, target.resolve(module + ".jar"));
        }
        return to;
    }

    @Override
    public void close() {
        List<ServiceProcess> running =
                services.values().stream().filter(ServiceProcess::isAlive).toList();
        running.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : running) {
            try {
                service.stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        metricsBalancer.close();
    }
}

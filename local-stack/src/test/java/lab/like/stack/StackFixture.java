package lab.like.stack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole stack for one test class: fresh data directory, free ports, in-memory MongoDB-protocol server and
 * copies of the packaged service jars (so a rebuild while the test runs cannot break it).
 */
final class StackFixture implements AutoCloseable {

    static final Path HOME = Path.of("").toAbsolutePath().getParent();

    final Stack stack;
    final GatewayClient gateway;
    final URI base;

    private StackFixture(Stack stack, URI base) {
        this.stack = stack;
        this.base = base;
        this.gateway = new GatewayClient(base);
    }

    /** Skips the calling test (with the reason) when the service jars have not been packaged. */
    static StackFixture start(String label) throws Exception {
        for (String service : Stack.SERVICES) {
            Path jar = HOME.resolve(service).resolve("target").resolve(service + ".jar");
            assumeTrue(
                    Files.isRegularFile(jar),
                    () -> "Skipping " + label + ": " + jar + " is missing. It runs in the full build "
                            + "(./mvnw verify from the repository root), which packages the services first.");
        }
        List<Integer> ports = Ports.free(6);
        Path data = Path.of("target", label + "-data", String.valueOf(System.currentTimeMillis()))
                .toAbsolutePath();
        String[] args = {
            "--home",
            copyOfJars(data.resolve("home")).toString(),
            "--data-dir",
            data.toString(),
            "--gateway-port",
            ports.get(0).toString(),
            "--experiment-port",
            ports.get(1).toString(),
            "--metrics-port",
            ports.get(2).toString(),
            "--kafka-port",
            ports.get(3).toString(),
            "--kafka-controller-port",
            ports.get(4).toString(),
            "--mongo-port",
            ports.get(5).toString(),
            "--in-memory-mongo",
            "--start-timeout",
            "480"
        };
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        env.put("LIKELAB_SERVICE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
        StackConfig config = StackConfig.parse(args, env);
        long start = System.nanoTime();
        Stack stack = Stack.start(config, line -> System.out.println("[stack] " + line));
        System.out.printf("[stack] all services ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return new StackFixture(stack, URI.create("http://localhost:" + config.gatewayPort()));
    }

    private static Path copyOfJars(Path home) throws IOException {
        for (String service : Stack.SERVICES) {
            Path target = home.resolve(service).resolve("target");
            Files.createDirectories(target);
            Files.copy(
                    HOME.resolve(service).resolve("target").resolve(service + ".jar"),
                    target.resolve(service + ".jar"));
        }
        return home;
    }

    @Override
    public void close() throws IOException {
        stack.close();
        for (String service : Stack.SERVICES) {
            Path copy = stack.config().jar(service);
            if (copy.startsWith(stack.config().dataDir())) {
                Files.deleteIfExists(copy);
            }
        }
    }
}

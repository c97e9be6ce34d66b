package lab.like.stack;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lab.like.stack.faults.FaultSuite;

/**
 * The one way the local-stack tests start the whole system: fresh data directory, free ports, copies of the
 * packaged service jars (so a rebuild while the tests run cannot break them). A test fails, never skips, when a
 * jar is missing or older than its module's sources.
 *
 * <p>{@link #shared()} is one stack for the end-to-end classes of a test JVM (each makes its own pilots and keys
 * nothing on another's data), stopped when the JVM ends; {@link #start} is a private one (the fault suite).
 */
final class StackFixture implements AutoCloseable {

    static final Path HOME = Path.of("").toAbsolutePath().getParent();

    /**
     * The shared stack's service JVM options. The raised anonymous limit lets ZeroTrustEndToEndTest's guessed
     * keys reach every check instead of the per-address limit; no other test depends on that limit. The 2 s
     * results-stream heartbeat lets ZeroTrustEndToEndTest's stream test see one in seconds.
     */
    static final String SHARED_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC"
            + " -Dlikelab.gateway.limits.anonymous-rate-per-second=100000"
            + " -Dlikelab.gateway.limits.anonymous-burst=100000"
            + " -Dlikelab.metrics.results.stream.heartbeat=2s";

    private static StackFixture shared;

    final Stack stack;
    final GatewayClient gateway;
    final URI base;

    private StackFixture(Stack stack) {
        this.stack = stack;
        this.base = URI.create("http://localhost:" + stack.config().gatewayPort());
        this.gateway = new GatewayClient(base);
    }

    /**
     * The stack shared by the end-to-end test classes, started by the first that asks. A service another class
     * left stopped (a crash test) is started again first.
     */
    static synchronized StackFixture shared() throws Exception {
        if (shared == null || shared.stack.isClosed()) {
            shared = start("e2e", SHARED_JAVA_OPTIONS, true);
            StackFixture stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::closeQuietly, "shared-stack-stop"));
        }
        for (String name : Stack.SERVICES) {
            if (!shared.stack.service(name).isAlive()) {
                System.out.println("[stack] " + name + " was left stopped by an earlier test: starting it again");
                shared.stack.restart(name);
            }
        }
        return shared;
    }

    /**
     * A stack of its own.
     *
     * @param javaOptions JVM options of the three services (system properties outrank application.yml)
     * @param inMemoryMongo false: the H2 file under the data directory, so the server can be restarted
     */
    static StackFixture start(String label, String javaOptions, boolean inMemoryMongo) throws Exception {
        requireCurrentJars(HOME);
        Path data = Path.of("target", label + "-data", String.valueOf(System.currentTimeMillis()))
                .toAbsolutePath();
        // generous: on a shared 2-core machine a service has needed more than 180 s to start
        List<String> args = new java.util.ArrayList<>(
                List.of(FaultSuite.scratchArgs(copyOfJars(data.resolve("home")), data, "480")));
        if (inMemoryMongo) {
            args.add("--in-memory-mongo");
        }
        // Only the infrastructure switch is taken from the environment: the suite can run against a real
        // Kafka and MongoDB by setting KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI.
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        env.put("LIKELAB_SERVICE_JAVA_OPTS", javaOptions);
        StackConfig config = StackConfig.parse(args.toArray(String[]::new), env);
        long start = System.nanoTime();
        Stack stack = Stack.start(config, line -> System.out.println("[" + label + "] " + line));
        System.out.printf("[%s] all services ready in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
        return new StackFixture(stack);
    }

    /**
     * Fails when a service jar is missing or older than a file of its module's sources (or a pom): the test would
     * otherwise run yesterday's code. Under {@code ./mvnw verify} from the root the reactor packages the three
     * services before this module's tests, so their jars are current there.
     */
    static void requireCurrentJars(Path home) {
        for (String service : Stack.SERVICES) {
            Path jar = home.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.isRegularFile(jar)) {
                fail(jar + " is missing: build the services first with ./mvnw -DskipTests package (from " + home
                        + "), or run the whole build, ./mvnw verify, which packages them before these tests.");
            }
            Optional<Path> newer = newestSource(home, service)
                    .filter(source -> modified(source).compareTo(modified(jar)) > 0);
            newer.ifPresent(source -> fail(jar + " is older than " + home.relativize(source) + " (" + modified(source)
                    + " > " + modified(jar) + "): it would test stale code. Rebuild the services with"
                    + " ./mvnw -DskipTests package (from " + home + ") and run the tests again."));
        }
    }

    private static Optional<Path> newestSource(Path home, String service) {
        Path module = home.resolve(service);
        try (Stream<Path> sources = Files.walk(module.resolve("src").resolve("main"))) {
            return Stream.concat(
                            sources.filter(Files::isRegularFile),
                            Stream.of(module.resolve("pom.xml"), home.resolve("pom.xml")))
                    .filter(Files::isRegularFile)
                    .max((a, b) -> modified(a).compareTo(modified(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfJars(Path home) throws IOException {
        for (String service : Stack.SERVICES) {
            Path target = Files.createDirectories(home.resolve(service).resolve("target"));
            Files.copy(
                    HOME.resolve(service).resolve("target").resolve(service + ".jar"),
                    target.resolve(service + ".jar"));
        }
        return home;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.out.println("[stack] could not delete the jar copies: " + e.getMessage());
        }
    }

    /** Stops the stack and deletes the jar copies (the logs stay in the data directory). */
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

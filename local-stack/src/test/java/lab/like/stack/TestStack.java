package lab.like.stack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the whole stack from the packaged jars on free ports, the way LocalStackEndToEndTest does. */
final class TestStack {

    static final Path HOME = Path.of("").toAbsolutePath().getParent();

    private TestStack() {}

    /** @param javaOptions JVM options of the three services (system properties outrank application.yml) */
    static Stack start(String name, String javaOptions) throws Exception {
        for (String service : Stack.SERVICES) {
            Path jar = HOME.resolve(service).resolve("target").resolve(service + ".jar");
            assumeTrue(
                    Files.isRegularFile(jar),
                    () -> "Skipping " + name + ": " + jar + " is missing (it runs in "
                            + "the full build, which packages the services first).");
        }
        List<Integer> ports = Ports.free(9);
        Path data = Path.of("target", name + "-data", String.valueOf(System.currentTimeMillis()))
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
            "--gateway-management-port",
            ports.get(6).toString(),
            "--experiment-management-port",
            ports.get(7).toString(),
            "--metrics-management-port",
            ports.get(8).toString(),
            "--in-memory-mongo",
            "--start-timeout",
            // generous: on a shared 2-core machine a service has needed more than 180 s to start
            "300"
        };
        Map<String, String> env = new HashMap<>();
        for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")) {
            if (System.getenv(variable) != null) {
                env.put(variable, System.getenv(variable));
            }
        }
        env.put("LIKELAB_SERVICE_JAVA_OPTS", javaOptions);
        return Stack.start(StackConfig.parse(args, env), line -> System.out.println("[" + name + "] " + line));
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
}

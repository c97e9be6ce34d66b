package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a user runs it, as a separate process, on the paths that end in an error. */
class LauncherTest {

    @TempDir
    Path home;

    @Test
    void whenAServiceDiesWhileStartingThenItsLastLogLinesArePrintedAndExitCodeIsOne() throws Exception {
        for (String service : Stack.SERVICES) {
            Path target = Files.createDirectories(home.resolve(service).resolve("target"));
            Files.writeString(target.resolve(service + ".jar"), "this is not a jar");
        }
        List<Integer> ports = Ports.free(9);

        Launched launched = launch(
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
                ports.get(8).toString());

        assertThat(launched.exitCode()).isEqualTo(1);
        assertThat(launched.stderr())
                .containsPattern(
                        "Start failed: (experiment-service|metrics-service|gateway) exited with code 1 while starting")
                .contains("  | Error: Invalid or corrupt jarfile");
        assertThat(launched.stdout()).contains("Stopping Kafka broker").doesNotContain("LIKE Lab is running");
        assertThat(home.resolve("data").resolve("logs").resolve("experiment-service.log"))
                .isNotEmptyFile();
        assertThat(home.resolve("data").resolve("pids")).doesNotExist();
        assertThat(ports).allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
    }

    @Test
    void whenAServiceJarIsMissingThenTheMessageSaysHowToBuildItAndExitCodeIsTwo() throws Exception {
        Launched launched = launch();

        assertThat(launched.exitCode()).isEqualTo(2);
        assertThat(launched.stderr().strip())
                .startsWith("Missing " + home.resolve("experiment-service/target/experiment-service.jar"))
                .contains("./mvnw -DskipTests package");
    }

    private Launched launch(String... options) throws Exception {
        List<String> command = LauncherCommand.of(home, options);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("LIKELAB_")
                        || name.equals("KAFKA_BOOTSTRAP_SERVERS")
                        || name.equals("MONGODB_URI"));
        Process launcher = builder.start();
        byte[] stdout = launcher.getInputStream().readAllBytes();
        byte[] stderr = launcher.getErrorStream().readAllBytes();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Launched(
                launcher.exitValue(),
                new String(stdout, StandardCharsets.UTF_8),
                new String(stderr, StandardCharsets.UTF_8));
    }

    private record Launched(int exitCode, String stdout, String stderr) {}
}

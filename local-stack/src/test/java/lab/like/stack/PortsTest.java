package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

    @TempDir
    Path home;

    @Test
    void whenPortIsTakenThenConflictNamesPortServiceOptionAndVariable() throws IOException {
        try (ServerSocket taken = listen()) {
            int port = taken.getLocalPort();
            List<Integer> ports = new ArrayList<>(Ports.free(9));
            ports.set(2, port);
            StackConfig config = StackConfig.parse(options(ports), Map.of());

            assertThat(Ports.firstConflict(config)).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("Port " + port + " (metrics-service) is already in use")
                    .contains("--metrics-port")
                    .contains("LIKELAB_METRICS_PORT")
                    .doesNotContain("\n"));
        }
    }

    @Test
    void whenTwoSettingsShareAPortThenConflict() {
        List<Integer> ports = new ArrayList<>(Ports.free(9));
        int port = ports.get(0);
        ports.set(5, port);
        StackConfig config = StackConfig.parse(options(ports), Map.of());

        assertThat(Ports.firstConflict(config))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("is configured twice").contains("--mongo-port"));
    }

    @Test
    void whenAllPortsFreeThenNoConflict() {
        List<Integer> free = Ports.free(9);
        StackConfig config = StackConfig.parse(options(free), Map.of());

        assertThat(Ports.firstConflict(config)).isEmpty();
    }

    @Test
    void whenLauncherFindsATakenPortThenOneLineAndExitCodeTwo() throws Exception {
        for (String service : Stack.SERVICES) {
            Files.createDirectories(home.resolve(service).resolve("target"));
            Files.writeString(home.resolve(service).resolve("target").resolve(service + ".jar"), "not started");
        }
        try (ServerSocket taken = listen()) {
            List<Integer> free = new ArrayList<>(Ports.free(9));
            free.set(0, taken.getLocalPort());
            List<String> command = LauncherCommand.of(home, options(free));
            Process launcher = new ProcessBuilder(command).start();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = new String(launcher.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(launcher.exitValue()).isEqualTo(2);
            assertThat(stderr.strip())
                    .startsWith("Port " + taken.getLocalPort() + " (gateway) is already in use")
                    .contains("--gateway-port")
                    .contains("LIKELAB_GATEWAY_PORT")
                    .doesNotContain("\n")
                    .doesNotContain("Exception");
            assertThat(home.resolve("data")).doesNotExist();
        }
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(0));
        return socket;
    }

    private static String[] options(List<Integer> ports) {
        return new String[] {
            "--gateway-port", ports.get(0).toString(),
            "--experiment-port", ports.get(1).toString(),
            "--metrics-port", ports.get(2).toString(),
            "--kafka-port", ports.get(3).toString(),
            "--kafka-controller-port", ports.get(4).toString(),
            "--mongo-port", ports.get(5).toString(),
            "--gateway-management-port", ports.get(6).toString(),
            "--experiment-management-port", ports.get(7).toString(),
            "--metrics-management-port", ports.get(8).toString()
        };
    }
}

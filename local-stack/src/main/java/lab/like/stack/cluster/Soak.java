package lab.like.stack.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lab.like.stack.GatewayClient;
import lab.like.stack.Stack;

/**
 * Issue 15's soak: the local stack (own ports, data under the output folder) at half its measured maximum
 * event rate (or {@code --rate}) for {@code --duration} (10 minutes), with results read through the gateway and
 * results streams (SSE) open, sampled every 5 s; writes {@code soak-report.md}, {@code soak.png} (rate, lag,
 * heap, latency over time) and {@code soak.csv}. Exit code 0 when the report's checks all pass.
 *
 * <p>{@code java -cp local-stack/target/local-stack.jar -Dloader.main=lab.like.stack.cluster.Soak
 * org.springframework.boot.loader.launch.PropertiesLauncher [--duration 10m] [--rate N] [--out DIR]}
 */
public final class Soak {

    static final String ANALYST_KEY = "dev-analyst-key";

    private Soak() {}

    public static void main(String[] args) throws Exception {
        RunOptions options = new RunOptions(args);
        Path home = options.path("--home", Path.of("")).toAbsolutePath();
        Path out = options.path(
                        "--out",
                        home.resolve("target").resolve("soak").resolve(Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        Files.createDirectories(out);
        String loadBefore = Machine.loadAverage();
        Timeline timeline = new Timeline(System.out::println);
        try (Stack stack = OwnStack.start(
                home,
                out,
                options.text("--service-java-opts", "-Xmx512m"),
                options.duration("--start-timeout", Duration.ofSeconds(480)),
                line -> timeline.note("[stack] " + line))) {
            SoakRun run = new SoakRun(stack, options, timeline);
            SoakRun.Outcome outcome = run.run();
            Path report = SoakReport.write(out, outcome, loadBefore, Machine.loadAverage(), timeline.text());
            timeline.note("report: " + report + " (plot " + out.resolve("soak.png") + ")");
            System.exit(outcome.passed() ? 0 : 1);
        }
    }

    static GatewayClient gateway(Stack stack) {
        return new GatewayClient(
                java.net.URI.create("http://127.0.0.1:" + stack.config().gatewayPort()));
    }
}

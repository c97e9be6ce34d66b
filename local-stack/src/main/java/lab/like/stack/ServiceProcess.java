package lab.like.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service as a child JVM ({@code java -jar <module>.jar}), its output going to a log file. */
public final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the JVM; the previous log of the service is kept as {@code <service>.log.1}. */
    public static ServiceProcess start(ServiceSpec spec) throws IOException {
        Files.createDirectories(spec.logFile().getParent());
        if (Files.exists(spec.logFile())) {
            Files.move(spec.logFile(), Path.of(spec.logFile() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.javaOptions());
        command.add("-jar");
        command.add(spec.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(spec.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(spec.env());
        return new ServiceProcess(spec, builder.start());
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited, however it ended. */
    public CompletableFuture<ServiceProcess> onExit() {
        return process.onExit().thenApply(p -> this);
    }

    /** The exit code; -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + spec.port());
    }

    /** The management port's base (actuator: health with details, prometheus), on loopback. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + spec.managementPort());
    }

    /**
     * One probe of {@code /actuator/health/readiness} on the management port: true on 200. Throws when the process has exited, with the
     * end of its log.
     */
    public boolean isReady() throws InterruptedException {
        if (!process.isAlive()) {
            throw new ServiceFailedException(this, "exited with code " + process.exitValue() + " while starting");
        }
        HttpRequest request = HttpRequest.newBuilder(managementUri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends SIGTERM without waiting. */
    public void requestStop() {
        process.destroy();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public List<String> lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(spec.logFile());
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(no log at " + spec.logFile() + ": " + e.getMessage() + ")");
        }
    }

    /** What to start: a name, a jar, a port, the environment and where the output goes. */
    public record ServiceSpec(
            String name,
            Path jar,
            int port,
            int managementPort,
            Map<String, String> env,
            List<String> javaOptions,
            Path workingDir,
            Path logFile) {}
}

package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import lab.like.stack.ServiceProcess.ServiceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's supervision, with real child JVMs ({@link FakeService}) that die. */
class SupervisorTest {

    @TempDir
    Path dir;

    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final List<Instant> startedAt = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (supervisor != null) {
            supervisor.close();
        }
        for (ServiceProcess process : started) {
            process.kill();
        }
    }

    @Test
    void whenAServiceProcessIsKilledThenANewOneIsStartedLoggedAndCounted() throws Exception {
        supervisor = supervisor(
                new Supervisor.Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(1)));
        ServiceProcess first = start(Map.of());
        supervisor.watch(first);
        awaitReady(first);

        first.kill();

        ServiceProcess second = awaitStarted(2);
        assertThat(second.pid()).isNotEqualTo(first.pid());
        awaitReady(second);
        assertThat(supervisor.restarts("fake")).isEqualTo(1);
        assertThat(supervisor.status()).isEqualTo("fake 1");
        assertThat(supervisor.history()).singleElement().satisfies(r -> {
            assertThat(r.exitedPid()).isEqualTo(first.pid());
            assertThat(r.exitCode()).isEqualTo(137);
            assertThat(r.delay()).isEqualTo(Duration.ofMillis(200));
        });
        assertThat(log).anySatisfy(line -> assertThat(line)
                .contains("fake (pid " + first.pid() + ") exited with code 137", "restart #1 in 0.2 s", "fake 1"));
        assertThat(log)
                .anySatisfy(line -> assertThat(line).startsWith("Restarted fake (restart #1, pid " + second.pid()));

        second.kill();
        ServiceProcess third = awaitStarted(3);
        awaitReady(third);
        assertThat(supervisor.restarts("fake")).isEqualTo(2);
    }

    @Test
    void whenAServiceKeepsCrashingThenEachDelayDoublesUpToTheMaximum() throws Exception {
        Duration initial = Duration.ofMillis(100);
        supervisor = supervisor(new Supervisor.Backoff(initial, Duration.ofMillis(800), Duration.ofMinutes(1)));
        ServiceProcess first = start(Map.of("FAKE_LIFETIME_MS", "100"));
        supervisor.watch(first);

        awaitStarted(6);
        supervisor.close();

        List<Supervisor.Restart> restarts = supervisor.history().subList(0, 5);
        assertThat(restarts)
                .extracting(Supervisor.Restart::delay)
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(800));
        assertThat(restarts).extracting(Supervisor.Restart::exitCode).containsOnly(3);
        assertThat(restarts).extracting(Supervisor.Restart::number).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < 5; i++) {
            // the next JVM was started no earlier than the delay after the exit (a lower bound: never timing-flaky)
            assertThat(Duration.between(restarts.get(i).exitedAt(), startedAt.get(i + 1)))
                    .isGreaterThanOrEqualTo(restarts.get(i).delay());
        }
    }

    @Test
    void whenARunLastedLongerThanStableAfterThenTheNextCrashWaitsTheInitialDelayAgain() throws Exception {
        supervisor =
                supervisor(new Supervisor.Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(1)));
        ServiceProcess first = start(Map.of("FAKE_LIFETIME_MS", "300"));
        supervisor.watch(first);

        awaitStarted(4);
        supervisor.close();

        assertThat(supervisor.history().subList(0, 3))
                .extracting(Supervisor.Restart::delay)
                .containsOnly(Duration.ofMillis(100));
    }

    @Test
    void whenAServiceIsStoppedOnPurposeThenItIsNotRestarted() throws Exception {
        supervisor =
                supervisor(new Supervisor.Backoff(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1)));
        ServiceProcess first = start(Map.of());
        supervisor.watch(first);
        awaitReady(first);

        supervisor.hold("fake");
        first.stop(Duration.ofSeconds(10));
        first.onExit().get(10, TimeUnit.SECONDS);
        Thread.sleep(1000); // a hundred times the back-off delay

        assertThat(started).containsExactly(first);
        assertThat(supervisor.restarts("fake")).isZero();
    }

    @Test
    void whenTheSupervisorIsClosedThenAServiceThatExitsIsNotRestarted() throws Exception {
        supervisor =
                supervisor(new Supervisor.Backoff(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1)));
        ServiceProcess first = start(Map.of());
        supervisor.watch(first);
        awaitReady(first);

        supervisor.close();
        first.kill();
        first.onExit().get(10, TimeUnit.SECONDS);
        Thread.sleep(1000);

        assertThat(started).containsExactly(first);
        assertThat(supervisor.restarts("fake")).isZero();
    }

    private Supervisor supervisor(Supervisor.Backoff backoff) {
        return new Supervisor(backoff, log::add, (name, fresh) -> {
            started.add(fresh);
            startedAt.add(Instant.now());
        });
    }

    private ServiceProcess start(Map<String, String> env) throws IOException {
        int managementPort = Ports.free(1).get(0);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        ServiceSpec spec = new ServiceSpec(
                "fake",
                fakeJar(),
                managementPort,
                managementPort,
                all,
                List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"),
                dir,
                dir.resolve("logs").resolve("fake.log"));
        ServiceProcess process = ServiceProcess.start(spec);
        started.add(process);
        startedAt.add(Instant.now());
        return process;
    }

    private Path fakeJar() throws IOException {
        Path jar = dir.resolve("fake-service.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        try (InputStream in = FakeService.class.getClassLoader().getResourceAsStream(entry);
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Waits (up to a minute: JVM starts on a busy machine) until {@code count} processes have been started. */
    private ServiceProcess awaitStarted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (started.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(started).as("processes started; log: %s", log).hasSizeGreaterThanOrEqualTo(count);
        return started.get(count - 1);
    }

    private static void awaitReady(ServiceProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (process.isReady()) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(process.isReady()).as("%s ready", process.name()).isTrue();
    }
}

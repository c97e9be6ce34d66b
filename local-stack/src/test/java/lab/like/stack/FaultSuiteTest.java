package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lab.like.stack.faults.FaultSuite;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short version on a stack of its own (H2-backed MongoDB, so that server can be restarted;
 * supervised, as the launcher runs it). {@code -Dfaults.events=1000000} runs the full version (see README).
 */
class FaultSuiteTest {

    @Test
    void whenServicesAreKilledAndServersRestartedUnderAKnownStreamThenNoCountIsLostOrDoubled() throws Exception {
        FaultSuite.Settings quick = FaultSuite.Settings.quick();
        FaultSuite.Settings settings = new FaultSuite.Settings(
                Integer.getInteger("faults.events", quick.events()),
                Integer.getInteger("faults.pilots", quick.pilots()),
                quick.seed(),
                quick.httpSenders());
        StackFixture fixture = StackFixture.start("faults", "-Xmx384m -XX:+UseSerialGC", false);
        Supervisor supervisor;
        FaultSuite.Report report;
        try {
            supervisor = fixture.stack.supervise(
                    new Supervisor.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1)));
            report = FaultSuite.run(fixture.stack, settings, line -> System.out.println("[faults] " + line));
        } finally {
            fixture.close();
        }
        report.lines().forEach(System.out::println);
        Files.write(Path.of("target", "fault-suite.txt"), report.lines());

        assertThat(report.rejections()).as("events the stack refused").isEmpty();
        assertThat(report.mismatches()).as("counts that differ from the tally").isEmpty();
        assertThat(report.lost()).isZero();
        assertThat(report.doubled()).isZero();
        // each pilot's eventsCounted, and 8 counts per variant (every third pilot has three variants, the others two)
        assertThat(report.cells()).isEqualTo(settings.pilots() * (1 + 2 * 8) + (settings.pilots() + 1) / 3 * 8);
        // every kill was answered by a restart (a service that died by itself would add one: printed above)
        System.out.println("[faults] supervisor restarts: " + supervisor.history());
        assertThat(supervisor.restarts("metrics-service")).isGreaterThanOrEqualTo(3);
        assertThat(supervisor.restarts("experiment-service")).isGreaterThanOrEqualTo(1);
        assertThat(supervisor.restarts("gateway")).isGreaterThanOrEqualTo(1);
        // the clean stop at the end restarted nothing
        for (String name : Stack.SERVICES) {
            assertThat(fixture.stack.service(name).isAlive())
                    .as(name + " after the stop")
                    .isFalse();
        }
    }
}

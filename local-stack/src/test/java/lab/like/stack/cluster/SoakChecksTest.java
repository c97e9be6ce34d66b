package lab.like.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakChecksTest {

    private static List<SoakSample> samples(
            double heapGrowthPerMinute, double threadGrowthPerMinute, long lagGrowthPerMinute) {
        List<SoakSample> samples = new ArrayList<>();
        for (int s = 5; s <= 600; s += 5) {
            double minutes = s / 60.0;
            boolean gc = s % 60 == 0;
            samples.add(new SoakSample(
                    s,
                    1000,
                    1000,
                    500 + (long) (lagGrowthPerMinute * minutes),
                    0.3,
                    5,
                    20,
                    3,
                    10,
                    20,
                    0,
                    s,
                    Map.of("svc", 120.0),
                    Map.of("svc", gc ? 60 + heapGrowthPerMinute * minutes : Double.NaN),
                    Map.of("svc", 40 + Math.floor(threadGrowthPerMinute * minutes))));
        }
        return samples;
    }

    private static boolean passed(SoakChecks checks, String name) {
        return checks.checks().stream().filter(c -> c.name().startsWith(name)).allMatch(SoakChecks.Check::passed);
    }

    @Test
    void whenHeapThreadsAndLagAreFlatThenEveryCheckPasses() {
        SoakChecks checks = SoakChecks.of(samples(0, 0, 0), List.of("svc"), 1000, 0, 2.0, Duration.ofMinutes(10));
        assertThat(checks.passed()).isTrue();
    }

    @Test
    void whenTheHeapAfterGcGrowsThenTheHeapCheckFails() {
        SoakChecks checks = SoakChecks.of(samples(5, 0, 0), List.of("svc"), 1000, 0, 2.0, Duration.ofMinutes(10));
        assertThat(passed(checks, "svc heap after GC")).isFalse();
        assertThat(passed(checks, "svc live threads")).isTrue();
    }

    @Test
    void whenThreadsOrLagGrowOrAnErrorHappensThenThatCheckFails() {
        assertThat(passed(
                        SoakChecks.of(samples(0, 2, 0), List.of("svc"), 1000, 0, 2.0, Duration.ofMinutes(10)),
                        "svc live threads"))
                .isFalse();
        assertThat(passed(
                        SoakChecks.of(samples(0, 0, 2_000), List.of("svc"), 1000, 0, 2.0, Duration.ofMinutes(10)),
                        "consumer lag"))
                .isFalse();
        assertThat(passed(
                        SoakChecks.of(samples(0, 0, 0), List.of("svc"), 1000, 1, 2.0, Duration.ofMinutes(10)),
                        "errors"))
                .isFalse();
        assertThat(passed(
                        SoakChecks.of(samples(0, 0, 0), List.of("svc"), 1000, 0, 200, Duration.ofMinutes(10)),
                        "lag drained"))
                .isFalse();
    }
}

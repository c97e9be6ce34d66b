package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void whenApiExampleThenIntervalMatchesPublishedFigures() {
        assertThat(Wilson.interval(600, 800)[0]).isCloseTo(0.719, within(0.0005));
        assertThat(Wilson.interval(600, 800)[1]).isCloseTo(0.779, within(0.0005));
        assertThat(Wilson.interval(150, 200)[0]).isCloseTo(0.686, within(0.0005));
        assertThat(Wilson.interval(150, 200)[1]).isCloseTo(0.805, within(0.0005));
        assertThat(Wilson.interval(590, 640)[0]).isCloseTo(0.898, within(0.0005));
        assertThat(Wilson.interval(590, 640)[1]).isCloseTo(0.940, within(0.0005));
    }

    @Test
    void whenNoTrialsThenNoIntervalAndNullValue() {
        assertThat(Wilson.interval(0, 0)).isNull();
        assertThat(KpiEstimate.of(0, 0).value()).isNull();
        assertThat(KpiEstimate.of(0, 0).ci95()).isNull();
    }

    @Property
    void intervalContainsTheProportionAndStaysInUnitRange(
            @ForAll @LongRange(min = 1, max = 1_000_000) long trials,
            @ForAll @LongRange(min = 0, max = 1_000_000) long raw) {
        long successes = raw % (trials + 1);
        double[] ci = Wilson.interval(successes, trials);
        double p = (double) successes / trials;
        assertThat(ci[0]).isBetween(0.0, 1.0).isLessThanOrEqualTo(p + 1e-12);
        assertThat(ci[1]).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(p - 1e-12);
    }
}

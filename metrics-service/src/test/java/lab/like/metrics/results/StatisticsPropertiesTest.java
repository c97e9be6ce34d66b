package lab.like.metrics.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the added statistics over arbitrary counts. */
class StatisticsPropertiesTest {

    @Property(tries = 300)
    void chanceToBeatAndItsReverseSumToOne(
            @ForAll @LongRange(min = 1, max = 5_000) long nc,
            @ForAll @LongRange(min = 0, max = 5_000) long xc,
            @ForAll @LongRange(min = 1, max = 5_000) long nt,
            @ForAll @LongRange(min = 0, max = 5_000) long xt) {
        Assume.that(xc <= nc && xt <= nt);
        double forward = ChanceToBeat.of(xc, nc, xt, nt);
        double reverse = ChanceToBeat.of(xt, nt, xc, nc);
        assertThat(forward).isBetween(0.0, 1.0);
        assertThat(forward + reverse).isCloseTo(1.0, within(1e-4));
    }

    @Property(tries = 300)
    void theSequentialPValueIsBelowFivePercentExactlyWhenItsSequenceExcludesZero(
            @ForAll @LongRange(min = 1, max = 20_000) long nc,
            @ForAll @LongRange(min = 0, max = 20_000) long xc,
            @ForAll @LongRange(min = 1, max = 20_000) long nt,
            @ForAll @LongRange(min = 0, max = 20_000) long xt) {
        Assume.that(xc <= nc && xt <= nt);
        Sequential s = ConfidenceSequence.of(xc, nc, xt, nt);
        Assume.that(Math.abs(s.pValue() - 0.05) > 1e-9);
        double d = (double) xt / nt - (double) xc / nc;
        assertThat(s.ci95()[0]).isLessThanOrEqualTo(d);
        assertThat(s.ci95()[1]).isGreaterThanOrEqualTo(d);
        boolean excludesZero = s.ci95()[0] > 0 || s.ci95()[1] < 0;
        assertThat(s.pValue() < 0.05).isEqualTo(excludesZero);
        // always-valid costs width: never narrower than the fixed-horizon Wald interval (both within [-1, 1])
        double[] wald = TwoProportions.waldInterval(xc, nc, xt, nt);
        assertThat(s.ci95()[0]).isLessThanOrEqualTo(Math.max(-1.0, wald[0]) + 1e-12);
        assertThat(s.ci95()[1]).isGreaterThanOrEqualTo(Math.min(1.0, wald[1]) - 1e-12);
    }

    @Property(tries = 200)
    void holmNeverLowersAPValueAndKeepsTheirOrder(
            @ForAll @LongRange(min = 0, max = 1_000_000) long a,
            @ForAll @LongRange(min = 0, max = 1_000_000) long b,
            @ForAll @LongRange(min = 0, max = 1_000_000) long c) {
        double[] p = {a / 1e6, b / 1e6, c / 1e6};
        double[] adjusted = Holm.adjust(p);
        for (int i = 0; i < 3; i++) {
            assertThat(adjusted[i]).isBetween(p[i], 1.0);
            for (int j = 0; j < 3; j++) {
                if (p[i] < p[j]) assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
            }
        }
    }
}

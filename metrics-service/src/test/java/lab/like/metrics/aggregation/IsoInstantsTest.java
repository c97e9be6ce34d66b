package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Property
    void fastPathAgreesWithInstantParse(
            @ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        for (Instant instant : new Instant[] {
            Instant.ofEpochSecond(seconds),
            Instant.ofEpochSecond(seconds, nanos),
            Instant.ofEpochSecond(seconds, nanos / 1_000_000 * 1_000_000)
        }) {
            String text = instant.toString();
            assertThat(IsoInstants.parseSimple(text))
                    .isEqualTo(Instant.parse(text))
                    .isEqualTo(instant);
        }
        assertThat(IsoInstants.parseSimple("2026-11-27T10:00:00.5Z"))
                .isEqualTo(Instant.parse("2026-11-27T10:00:00.5Z"));
    }

    @Test
    void whenOtherFormsThenNoFastPath() {
        assertThat(IsoInstants.parseSimple("2026-11-27T10:00:00.Z")).isNull();
        assertThat(IsoInstants.parseSimple("2026-11-27T10:00:00.1234567890Z")).isNull();
        assertThat(IsoInstants.parseSimple("2026-11-27T10:00:00+01:00")).isNull();
        assertThat(IsoInstants.parseSimple("2026-11-27T24:00:00Z")).isNull();
        assertThat(IsoInstants.parseSimple("2026-1x-27T10:00:00Z")).isNull();
        assertThatThrownBy(() -> IsoInstants.parseSimple("2026-02-30T10:00:00Z"))
                .isInstanceOf(DateTimeException.class);
    }
}

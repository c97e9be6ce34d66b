package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EventCounterTest {

    @Test
    void whenDedupValueIsADayOrAnEarlierExactTimeThenBothReadAsMillis() {
        long exact = 1_795_800_000_123L;
        assertThat(EventCounter.firstSeenMillis(
                        ByteBuffer.allocate(8).putLong(exact).array()))
                .isEqualTo(exact);
        int day = 20_784;
        assertThat(EventCounter.firstSeenMillis(
                        ByteBuffer.allocate(4).putInt(day).array()))
                .isEqualTo(day * 86_400_000L);
    }
}

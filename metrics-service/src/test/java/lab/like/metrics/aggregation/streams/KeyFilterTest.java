package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void whenKeysAddedThenEveryOneMightBeContainedAndFewOthersDo() {
        int keys = 500_000;
        KeyFilter filter = new KeyFilter(keys);
        for (int i = 0; i < keys; i++) {
            filter.add("b-" + i + "\nexp-1");
        }
        for (int i = 0; i < keys; i++) {
            assertThat(filter.mightContain("b-" + i + "\nexp-1"))
                    .as("key %d", i)
                    .isTrue();
        }
        int falsePositives = 0;
        for (int i = keys; i < 2 * keys; i++) {
            if (filter.mightContain("b-" + i + "\nexp-1")) falsePositives++;
        }
        assertThat(falsePositives)
                .as("false positives among %d absent keys", keys)
                .isLessThan(keys / 50);
        assertThat(filter.full()).isFalse();
    }

    @Test
    void whenMoreKeysThanSizedForThenFull() {
        KeyFilter filter = new KeyFilter(10);
        for (int i = 0; !filter.full(); i++) {
            filter.add("k" + i);
            assertThat(i).isLessThan(10_000_000);
        }
        assertThat(filter.added()).isGreaterThanOrEqualTo(KeyFilter.MIN_KEYS);
    }
}

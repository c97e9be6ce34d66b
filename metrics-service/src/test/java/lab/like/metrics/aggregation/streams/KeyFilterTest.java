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
        assertThat(falsePositives(filter, keys, keys)).isLessThan(keys / 50);
    }

    @Test
    void whenMoreKeysThanSizedForThenLayersAreAddedAndNoKeyIsLost() {
        KeyFilter filter = new KeyFilter(10);
        int keys = (int) (3.5 * KeyFilter.MIN_KEYS);
        for (int i = 0; i < keys; i++) {
            filter.add("k" + i);
        }
        assertThat(filter.layers()).isGreaterThan(1);
        for (int i = 0; i < keys; i++) {
            assertThat(filter.mightContain("k" + i)).as("key %d", i).isTrue();
        }
        assertThat(falsePositives(filter, keys, 500_000)).isLessThan(500_000 / 25);
    }

    private static int falsePositives(KeyFilter filter, int from, int count) {
        int falsePositives = 0;
        for (int i = from; i < from + count; i++) {
            if (filter.mightContain("k" + i + "-absent")) falsePositives++;
        }
        return falsePositives;
    }
}

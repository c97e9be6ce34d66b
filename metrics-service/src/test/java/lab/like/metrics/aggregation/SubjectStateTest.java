package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SubjectStateTest {

    @Test
    void whenNoStateThenNoFlags() {
        assertThat(SubjectState.total(null)).isZero();
        assertThat(SubjectState.day(null, 20_000)).isZero();
    }

    @Test
    void whenDaysAreOlderThanTheOldestKeptThenDropped() {
        byte[] state = SubjectState.with(null, 1, 20_000, 1, 0);
        state = SubjectState.with(state, 3, 20_040, 3, 20_010);
        assertThat(SubjectState.day(state, 20_000)).isZero();
        assertThat(SubjectState.day(state, 20_040)).isEqualTo(3);
        assertThat(SubjectState.total(state)).isEqualTo(3);
        assertThat(state).hasSize(4);
    }

    /** Writing any sequence of (day, flags) keeps exactly the last flags per day, like a map would. */
    @Property
    void behavesLikeAMapOfDays(
            @ForAll @Size(max = 40) List<@IntRange(min = 19_990, max = 20_010) Integer> days,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 15) Integer> flags) {
        byte[] state = null;
        Map<Integer, Integer> model = new HashMap<>();
        int n = Math.min(days.size(), flags.size());
        for (int i = 0; i < n; i++) {
            state = SubjectState.with(state, flags.get(i), days.get(i), flags.get(i), 0);
            model.put(days.get(i), flags.get(i));
        }
        for (int day = 19_990; day <= 20_010; day++) {
            assertThat(SubjectState.day(state, day)).isEqualTo(model.getOrDefault(day, 0));
        }
    }
}

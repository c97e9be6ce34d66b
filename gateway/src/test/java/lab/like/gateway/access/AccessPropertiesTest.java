package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPropertiesTest {

    private static final AccessProperties.KeyEntry DEV =
            new AccessProperties.KeyEntry("key-name", "dev-team-key", "demo", List.of(Role.TEAM));
    private static final AccessProperties.KeyEntry REAL =
            new AccessProperties.KeyEntry("key-name", "7f3a-real-key", "demo", List.of(Role.TEAM));

    @Test
    void whenDevelopmentKeysAreRejectedThenAnyDevKeyFails() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties(List.of(REAL, DEV), true))
                .withMessageContaining("dev-*")
                .withMessageNotContaining("dev-team-key");
    }

    @Test
    void whenDevelopmentKeysAreAllowedOrAbsentThenPropertiesBind() {
        assertThat(new AccessProperties(List.of(DEV), false).keys()).containsExactly(DEV);
        assertThat(new AccessProperties(List.of(REAL), true).keys()).containsExactly(REAL);
        assertThat(new AccessProperties(null, true).keys()).isEmpty();
    }

    @Test
    void whenKeyIsDuplicatedOrIncompleteThenItFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessProperties(List.of(REAL, REAL), false));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("key-name", " ", "demo", List.of(Role.TEAM)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("key-name", "k", null, List.of(Role.TEAM)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("key-name", "k", "demo", List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry(" ", "k", "demo", List.of(Role.TEAM)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry(null, "k", "demo", List.of(Role.TEAM)));
    }
}

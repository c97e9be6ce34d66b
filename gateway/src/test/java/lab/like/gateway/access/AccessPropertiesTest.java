package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import lab.like.gateway.identity.Role;
import org.junit.jupiter.api.Test;

class AccessPropertiesTest {

    // echo -n 7f3a-real-key | sha256sum
    static final String REAL_SHA256 = KeyDigests.hex("7f3a-real-key");
    private static final AccessProperties.KeyEntry DEV =
            new AccessProperties.KeyEntry("demo-team", "dev-team-key", null, "demo", List.of(Role.TEAM));
    private static final AccessProperties.KeyEntry REAL_PLAIN =
            new AccessProperties.KeyEntry("utrecht-team", "7f3a-real-key", null, "demo", List.of(Role.TEAM));
    private static final AccessProperties.KeyEntry REAL_HASHED =
            new AccessProperties.KeyEntry("utrecht-team", null, REAL_SHA256, "demo", List.of(Role.TEAM));
    private static final AccessProperties.KeyEntry DEV_HASHED =
            new AccessProperties.KeyEntry("sneaky", null, KeyDigests.hex("dev-admin-key"), "*", List.of(Role.ADMIN));

    @Test
    void whenDevelopmentKeysAreRejectedThenPlainKeysAndDevKeysEvenHashedFail() {
        for (AccessProperties.KeyEntry refused : List.of(DEV, REAL_PLAIN, DEV_HASHED)) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AccessProperties(List.of(refused), true))
                    .withMessageContaining("plain-text or development API keys")
                    .withMessageNotContaining("dev-team-key")
                    .withMessageNotContaining("7f3a-real-key");
        }
    }

    @Test
    void whenDevelopmentKeysAreAllowedOrKeysAreHashedThenPropertiesBind() {
        assertThat(new AccessProperties(List.of(DEV), false).keys()).containsExactly(DEV);
        assertThat(new AccessProperties(List.of(REAL_HASHED), true).keys()).containsExactly(REAL_HASHED);
        assertThat(new AccessProperties(null, true).keys()).isEmpty();
    }

    @Test
    void aPlainKeyAndItsHashAreTheSameKey() {
        assertThat(REAL_PLAIN.sha256()).isEqualTo(REAL_HASHED.sha256());
        assertThat(REAL_PLAIN.sha256())
                .isEqualTo(
                        new AccessProperties.KeyEntry("x", null, REAL_SHA256.toUpperCase(), "demo", List.of(Role.TEAM))
                                .sha256());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties(List.of(REAL_PLAIN, REAL_HASHED), false))
                .withMessageContaining("twice");
    }

    @Test
    void whenKeyIsIncompleteOrAmbiguousThenItFails() {
        List<Role> team = List.of(Role.TEAM);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry(" ", "k", null, "demo", team));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("n", "k", null, null, team));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("n", "k", null, "demo", List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("n", "k", REAL_SHA256, "demo", team))
                .withMessageContaining("exactly one of key and sha256");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("n", null, null, "demo", team));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties.KeyEntry("n", null, "abc123", "demo", team))
                .withMessageContaining("64 hex digits");
    }
}

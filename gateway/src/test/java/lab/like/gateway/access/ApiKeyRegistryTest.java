package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.like.gateway.identity.Caller;
import lab.like.gateway.identity.Role;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

    private final ApiKeyRegistry registry = new ApiKeyRegistry(
            List.of(
                    new AccessProperties.KeyEntry("demo-team", "team-key", null, "demo", List.of(Role.TEAM)),
                    new AccessProperties.KeyEntry(
                            "platform", null, KeyDigests.hex("admin-key"), "*", List.of(Role.ADMIN, Role.ANALYST))),
            100,
            10,
            20,
            () -> 0L);

    @Test
    void whenKeyIsKnownThenItsCallerIsFoundWithItsName() {
        Caller caller = registry.authenticate("team-key");
        assertThat(caller.name()).isEqualTo("demo-team");
        assertThat(caller.organisation()).isEqualTo("demo");
        assertThat(caller.roleNames()).containsExactly("TEAM");
        Caller admin = registry.authenticate("admin-key");
        assertThat(admin.name()).isEqualTo("platform");
        assertThat(admin.roleNames()).containsExactly("ADMIN", "ANALYST");
    }

    @Test
    void whenCredentialIsMissingOrUnknownThenNoCaller() {
        assertThat(registry.authenticate(null)).isNull();
        assertThat(registry.authenticate("")).isNull();
        assertThat(registry.authenticate("team-key2")).isNull();
        assertThat(registry.authenticate("TEAM-KEY")).isNull();
        assertThat(registry.authenticate(KeyDigests.hex("admin-key"))).isNull();
    }

    @Test
    void eachKeyHasItsOwnRateBucketAndStreamSlots() {
        Caller team = registry.authenticate("team-key");
        Caller admin = registry.authenticate("admin-key");
        assertThat(team.bucket())
                .isNotSameAs(admin.bucket())
                .isSameAs(registry.authenticate("team-key").bucket());
        assertThat(team.streams())
                .isNotSameAs(admin.streams())
                .isSameAs(registry.authenticate("team-key").streams());
    }
}

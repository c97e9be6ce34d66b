package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

    private final ApiKeyRegistry registry = new ApiKeyRegistry(
            List.of(
                    new AccessProperties.KeyEntry("demo-team", "team-key", "demo", List.of(Role.TEAM)),
                    new AccessProperties.KeyEntry(
                            "platform-admin", "admin-key", "*", List.of(Role.ADMIN, Role.ANALYST))),
            100,
            10,
            () -> 0L);

    @Test
    void whenBearerKeyIsKnownThenItsCallerIsFound() {
        Caller caller = registry.authenticate("Bearer team-key");
        assertThat(caller.organisation()).isEqualTo("demo");
        assertThat(caller.name()).isEqualTo("demo-team");
        assertThat(caller.roles()).containsExactly(Role.TEAM);
        assertThat(caller.rolesHeader()).isEqualTo("TEAM");
        assertThat(registry.authenticate("bearer  admin-key").rolesHeader()).isEqualTo("ADMIN,ANALYST");
    }

    @Test
    void whenHeaderIsMissingMalformedOrUnknownThenNoCaller() {
        assertThat(registry.authenticate(null)).isNull();
        assertThat(registry.authenticate("")).isNull();
        assertThat(registry.authenticate("Bearer ")).isNull();
        assertThat(registry.authenticate("team-key")).isNull();
        assertThat(registry.authenticate("Basic team-key")).isNull();
        assertThat(registry.authenticate("Bearer team-key2")).isNull();
        assertThat(registry.authenticate("Bearer TEAM-KEY")).isNull();
    }

    @Test
    void eachKeyHasItsOwnRateBucket() {
        assertThat(registry.authenticate("Bearer team-key").bucket())
                .isNotSameAs(registry.authenticate("Bearer admin-key").bucket())
                .isSameAs(registry.authenticate("Bearer team-key").bucket());
    }
}

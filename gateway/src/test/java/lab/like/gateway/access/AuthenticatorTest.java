package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.like.gateway.identity.Role;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private final Authenticator authenticator = new Authenticator(
            new ApiKeyRegistry(
                    List.of(new AccessProperties.KeyEntry("demo-team", "team-key", null, "demo", List.of(Role.TEAM))),
                    100,
                    10,
                    20,
                    () -> 0L),
            null);

    @Test
    void whenBearerKeyIsKnownThenItsCaller() {
        assertThat(authenticator.authenticate("Bearer team-key").block().name()).isEqualTo("demo-team");
        assertThat(authenticator.authenticate("bearer   team-key ").block().name())
                .isEqualTo("demo-team");
    }

    @Test
    void whenHeaderIsMissingMalformedOrUnknownThenEmpty() {
        for (String header :
                new String[] {null, "", "Bearer ", "team-key", "Basic team-key", "Bearer team-key2", "Bearer a.b.c"}) {
            assertThat(authenticator.authenticate(header).blockOptional())
                    .as(header)
                    .isEmpty();
        }
    }
}

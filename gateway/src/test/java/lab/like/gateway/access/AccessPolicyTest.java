package lab.like.gateway.access;

import static lab.like.gateway.identity.Role.ADMIN;
import static lab.like.gateway.identity.Role.ANALYST;
import static lab.like.gateway.identity.Role.EMITTER;
import static lab.like.gateway.identity.Role.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "POST, /api/v1/experiments, experiments.create",
        "PATCH, /api/v1/experiments/e1, experiments.update",
        "POST, /api/v1/experiments/e1/start, experiments.lifecycle",
        "POST, /api/v1/experiments/e1/pause, experiments.lifecycle",
        "POST, /api/v1/experiments/e1/complete, experiments.lifecycle",
        "POST, /api/v1/experiments/e1/archive, experiments.lifecycle",
        "GET, /api/v1/experiments, experiments.list",
        "GET, /api/v1/experiments/e1, experiments.read",
        "HEAD, /api/v1/experiments/e1, experiments.read",
        "GET, /api/v1/experiments/e1/results, results",
        "GET, /api/v1/experiments/e1/results/daily, results",
        "GET, /api/v1/experiments/e1/results/stream, results",
        "GET, /api/v1/experiments/e1/history, experiments.read",
        "GET, /api/v1/portfolio, portfolio",
        "GET, /api/v1/services/parking-permit/comparison, services",
        "POST, /api/v1/experiments/e1/assignments, assignments",
        "POST, /api/v1/events, events",
    })
    void everyOperationOfTheApiHasItsRule(String method, String path, String rule) {
        assertThat(policy.match(method, path).name()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /api/v1/experiments/e1",
        "PUT, /api/v1/experiments/e1",
        "POST, /api/v1/experiments/e1/restart",
        "POST, /api/v1/experiments/e1",
        "PATCH, /api/v1/experiments",
        "GET, /api/v1/events",
        "POST, /api/v1/portfolio",
        "GET, /api/v1/services",
        "GET, /api/v1/unknown",
        "GET, /api/v1/experiments/e1/anything",
        "GET, /api/v1/experiments/e1/results/other",
        "GET, /api/v1/experiments/e1/history/x",
        "GET, /api/v1/services/parking-permit",
        "GET, /api/v1/services/parking-permit/other",
        "GET, /API/v1/experiments",
        "GET, /api/v1/Experiments",
        "POST, /api/v1/Events",
        "GET, /api/v2/experiments",
        "GET, /api/v1/experiments/",
        "GET, /api/v1/experiments//results",
        "GET, /api/v1/experiments/../portfolio",
        "POST, /api/v1/experiments/./events",
    })
    void anythingElseHasNoRule(String method, String path) {
        assertThat(policy.match(method, path)).isNull();
    }

    @Test
    void rolesFollowTheApiRoleTable() {
        assertThat(AccessPolicy.EXPERIMENTS_CREATE.allowed()).containsExactlyInAnyOrder(TEAM, ADMIN);
        assertThat(AccessPolicy.EXPERIMENTS_UPDATE.allowed()).containsExactlyInAnyOrder(TEAM, ADMIN);
        assertThat(AccessPolicy.EXPERIMENTS_LIFECYCLE.allowed()).containsExactlyInAnyOrder(TEAM, ADMIN);
        for (AccessRule read : new AccessRule[] {
            AccessPolicy.EXPERIMENTS_LIST,
            AccessPolicy.EXPERIMENTS_READ,
            AccessPolicy.RESULTS,
            AccessPolicy.PORTFOLIO,
            AccessPolicy.SERVICES
        }) {
            assertThat(read.allowed()).containsExactlyInAnyOrder(TEAM, ANALYST, ADMIN);
        }
        assertThat(AccessPolicy.ASSIGNMENTS.allowed()).containsExactlyInAnyOrder(TEAM, EMITTER, ADMIN);
        assertThat(AccessPolicy.EVENTS.allowed()).containsExactlyInAnyOrder(TEAM, EMITTER, ADMIN);
        assertThat(policy.rules()).hasSize(10);
    }

    @Test
    void aCallerWithAnyAllowedRoleMayCall() {
        assertThat(AccessPolicy.EVENTS.allowsAny(Set.of(ANALYST, EMITTER))).isTrue();
        assertThat(AccessPolicy.EVENTS.allowsAny(Set.of(ANALYST))).isFalse();
        assertThat(AccessPolicy.EXPERIMENTS_CREATE.allowsAny(Set.of())).isFalse();
    }
}

package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import lab.like.gateway.limits.TokenBucket;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class IdentityHeadersFilterTest {

    private final IdentityHeadersFilter filter = new IdentityHeadersFilter();

    @Test
    void whenClientSendsIdentityHeadersThenOnlyTheCallersReachTheService() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/experiments"));
        exchange.getAttributes()
                .put(Caller.ATTRIBUTE, Caller.of("demo-team", "demo", EnumSet.of(Role.TEAM), new TokenBucket(1, 1, 0)));
        HttpHeaders input = new HttpHeaders();
        input.add(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key");
        input.add("X-LikeLab-Organisation", "other");
        input.add("x-likelab-roles", "ADMIN");
        input.add("X-LIKELAB-Trace", "spoof");
        input.add("X-LikeLab-Caller", "dev-admin");
        input.add("Accept", "application/json");

        HttpHeaders output = filter.filter(input, exchange);

        assertThat(output.get("X-LikeLab-Organisation")).containsExactly("demo");
        assertThat(output.get("X-LikeLab-Roles")).containsExactly("TEAM");
        assertThat(output.get("X-LikeLab-Caller")).containsExactly("demo-team");
        assertThat(output.containsHeader("X-LikeLab-Trace")).isFalse();
        assertThat(output.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(output.getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void whenNoCallerThenIdentityHeadersAreStillDropped() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        HttpHeaders input = new HttpHeaders();
        input.add("X-LikeLab-Organisation", "other");
        assertThat(filter.filter(input, exchange).containsHeader("X-LikeLab-Organisation"))
                .isFalse();
    }
}

package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import javax.crypto.spec.SecretKeySpec;
import lab.like.gateway.identity.Caller;
import lab.like.gateway.identity.InternalTokenIssuer;
import lab.like.gateway.identity.InternalTokenProperties;
import lab.like.gateway.identity.Role;
import lab.like.gateway.limits.StreamSlots;
import lab.like.gateway.limits.TokenBucket;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class IdentityHeadersFilterTest {

    static final String KEY = "a-test-signing-key-of-at-least-32-bytes";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final IdentityHeadersFilter filter = new IdentityHeadersFilter(new InternalTokenIssuer(
            new InternalTokenProperties(KEY, "likelab-gateway", Duration.ofSeconds(60), true),
            Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void whenClientSendsIdentityHeadersThenOnlyTheSignedCallerReachesTheService() {
        MockServerWebExchange exchange = exchange("/api/v1/experiments", "experiment-service");
        exchange.getAttributes()
                .put(
                        Caller.ATTRIBUTE,
                        new Caller(
                                "demo-team",
                                "demo",
                                EnumSet.of(Role.TEAM, Role.ANALYST),
                                new TokenBucket(1, 1, 0),
                                new StreamSlots(1)));
        HttpHeaders input = new HttpHeaders();
        input.add(HttpHeaders.AUTHORIZATION, "Bearer dev-team-key");
        input.add("X-LikeLab-Organisation", "other");
        input.add("x-likelab-roles", "ADMIN");
        input.add("Accept", "application/json");

        HttpHeaders output = filter.filter(input, exchange);

        assertThat(output.headerNames()).noneMatch(name -> name.toLowerCase().startsWith("x-likelab-"));
        assertThat(output.getFirst("Accept")).isEqualTo("application/json");
        assertThat(output.get(HttpHeaders.AUTHORIZATION)).hasSize(1);
        Jwt jwt = decode(output.getFirst(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()));
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("likelab-gateway");
        assertThat(jwt.getAudience()).containsExactly("experiment-service");
        assertThat(jwt.getSubject()).isEqualTo("demo-team");
        assertThat(jwt.getClaimAsString("org")).isEqualTo("demo");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ANALYST", "TEAM");
        assertThat(jwt.getIssuedAt()).isEqualTo(NOW);
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void whenNoCallerThenIdentityHeadersAreDroppedAndNoTokenIsAdded() {
        MockServerWebExchange exchange = exchange("/v3/api-docs/metrics-service", "metrics-service-docs");
        HttpHeaders input = new HttpHeaders();
        input.add("X-LikeLab-Organisation", "other");
        input.add(HttpHeaders.AUTHORIZATION, "Bearer dev-admin-key");
        HttpHeaders output = filter.filter(input, exchange);
        assertThat(output.containsHeader("X-LikeLab-Organisation")).isFalse();
        assertThat(output.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
    }

    private static MockServerWebExchange exchange(String path, String routeId) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        Route route = Route.async()
                .id(routeId)
                .uri(URI.create("http://localhost:1"))
                .predicate(e -> true)
                .build();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        return exchange;
    }

    private static Jwt decode(String token) {
        var decoder = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .build();
        // the fixed clock's token is expired by now: verify the signature and claims, not the expiry
        decoder.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return decoder.decode(token);
    }
}

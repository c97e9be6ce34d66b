package lab.like.gateway.access;

import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for {@code /api/**} when origins are configured (Spring's {@link CorsWebFilter}): runs before the guard,
 * answers preflights itself and refuses (403) a request from an origin not listed. Without origins it does
 * nothing, so no {@code Access-Control-*} header is ever sent.
 */
final class CorsFilter implements WebFilter, Ordered {

    private final WebFilter delegate;

    CorsFilter(CorsProperties properties) {
        if (properties.allowedOrigins().isEmpty()) {
            delegate = null;
            return;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PATCH"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Accept"));
        api.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
        api.setMaxAge(Duration.ofMinutes(10));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        delegate = new CorsWebFilter(source);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return delegate == null ? chain.filter(exchange) : delegate.filter(exchange, chain);
    }
}

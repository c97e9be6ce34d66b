package lab.like.gateway.access;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, the gateway's own, proxied ones and errors alike (set just before the
 * response commits, so they replace whatever a service sent): {@code nosniff}, no referrer, no framing, and a
 * Content-Security-Policy (the dashboard's of CONTRACTS.md on dashboard pages and assets, {@code default-src
 * 'none'} on everything else except Swagger UI, which needs its inline styles). A {@code HEAD} of a public page
 * is answered as its {@code GET} without the body.
 */
final class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'; object-src 'none'";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            headers.remove("X-Powered-By");
            String csp = csp(path);
            if (csp != null) {
                headers.set("Content-Security-Policy", csp);
            }
            return Mono.empty();
        });
        if (exchange.getRequest().getMethod().name().equals("HEAD") && !path.startsWith("/api/")) {
            // the server already drops the body of a HEAD response; routed as GET, so HEAD / is the page's 200
            return chain.filter(exchange.mutate()
                    .request(r -> r.method(org.springframework.http.HttpMethod.GET))
                    .build());
        }
        return chain.filter(exchange);
    }

    static String csp(String path) {
        if (path.startsWith("/swagger-ui")) {
            return null;
        }
        boolean dashboard =
                !path.startsWith("/api/") && !path.startsWith("/actuator/") && !path.startsWith("/v3/api-docs");
        return dashboard ? DASHBOARD_CSP : API_CSP;
    }
}

package lab.like.gateway.access;

import lab.like.gateway.identity.Caller;
import lab.like.gateway.identity.InternalTokenIssuer;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the headers sent to a service: drops the client's {@code Authorization} and every client-sent
 * {@code X-LikeLab-*} header, then adds {@code Authorization: Bearer <internal token>} for the authenticated
 * caller, its audience the service the route leads to (CONTRACTS.md "Internal identity").
 */
final class IdentityHeadersFilter implements HttpHeadersFilter {

    private static final String PREFIX = "X-LikeLab-";
    private static final String DOCS_SUFFIX = "-docs";

    private final InternalTokenIssuer issuer;

    IdentityHeadersFilter(InternalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isIdentityHeader(name)) {
                output.addAll(name, values);
            }
        });
        Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (caller != null && route != null && !route.getId().endsWith(DOCS_SUFFIX)) {
            output.set(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.issue(caller, route.getId()));
        }
        return output;
    }

    static boolean isIdentityHeader(String name) {
        return name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
                || name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}

package lab.like.gateway.access;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the headers sent to a service: drops the client's {@code Authorization} and every client-sent
 * {@code X-LikeLab-*} header (no caller can claim another organisation), then adds the authenticated
 * organisation, roles and caller name (CONTRACTS.md, "Gateway → service headers").
 */
final class IdentityHeadersFilter implements HttpHeadersFilter {

    static final String ORGANISATION = "X-LikeLab-Organisation";
    static final String ROLES = "X-LikeLab-Roles";
    static final String CALLER = "X-LikeLab-Caller";
    private static final String PREFIX = "X-LikeLab-";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isIdentityHeader(name)) {
                output.addAll(name, values);
            }
        });
        Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
        if (caller != null) {
            output.set(ORGANISATION, caller.organisation());
            output.set(ROLES, caller.rolesHeader());
            output.set(CALLER, caller.name());
        }
        return output;
    }

    static boolean isIdentityHeader(String name) {
        return name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
                || name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}

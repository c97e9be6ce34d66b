package lab.like.gateway.access;

import java.util.function.LongSupplier;
import lab.like.gateway.limits.ContentTypes;
import lab.like.gateway.limits.SizeLimitedRequest;
import lab.like.gateway.limits.TokenBucket;
import lab.like.gateway.observability.GatewayMeters;
import lab.like.gateway.observability.Outcome;
import lab.like.gateway.problem.Problem;
import lab.like.gateway.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards every {@code /api/**} request before it is routed, in this order: API key (401), an operation of the
 * public API (404), role (403), per-key rate (429), content type (415), body size (413). Cheap checks only: a
 * digest lookup, a string split, one compare-and-set; nothing blocks.
 */
final class ApiGuardFilter implements WebFilter, Ordered {

    private final ApiKeyRegistry registry;
    private final AccessPolicy policy;
    private final GatewayMeters meters;
    private final long maxBodyBytes;
    private final LongSupplier nanoClock;

    ApiGuardFilter(
            ApiKeyRegistry registry,
            AccessPolicy policy,
            GatewayMeters meters,
            long maxBodyBytes,
            LongSupplier nanoClock) {
        this.registry = registry;
        this.policy = policy;
        this.meters = meters;
        this.maxBodyBytes = maxBodyBytes;
        this.nanoClock = nanoClock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String method = request.getMethod().name();
        HttpHeaders headers = request.getHeaders();
        AccessRule rule = policy.match(method, path);
        String route = rule == null ? GatewayMeters.UNMATCHED : rule.name();

        Caller caller = registry.authenticate(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (caller == null) {
            return reject(
                    exchange, route, Outcome.UNAUTHORIZED, Problem.UNAUTHORIZED, Problem.UNAUTHORIZED.defaultDetail());
        }
        if (rule == null) {
            return reject(
                    exchange,
                    route,
                    Outcome.NOT_FOUND,
                    Problem.NOT_FOUND,
                    "No API operation " + method + " " + path + ".");
        }
        if (!rule.allowsAny(caller.roles())) {
            return reject(
                    exchange,
                    route,
                    Outcome.FORBIDDEN,
                    Problem.FORBIDDEN,
                    "Roles " + caller.rolesHeader() + " may not call " + rule.name() + "; allowed: " + rule.allowed()
                            + ".");
        }
        long waitNanos = caller.bucket().tryAcquire(nanoClock.getAsLong());
        if (waitNanos > 0) {
            meters.count(route, Outcome.RATE_LIMITED);
            String retryAfter = Long.toString(TokenBucket.retryAfterSeconds(waitNanos));
            return ProblemResponses.write(
                    exchange,
                    Problem.RATE_LIMITED,
                    Problem.RATE_LIMITED.defaultDetail(),
                    h -> h.set(HttpHeaders.RETRY_AFTER, retryAfter));
        }
        long contentLength = headers.getContentLength();
        boolean chunked = contentLength < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if ((contentLength > 0 || chunked) && !acceptedContentType(method, headers)) {
            return reject(
                    exchange,
                    route,
                    Outcome.UNSUPPORTED_MEDIA_TYPE,
                    Problem.UNSUPPORTED_MEDIA_TYPE,
                    method.equals("PATCH")
                            ? "The request body must be application/json or application/merge-patch+json."
                            : Problem.UNSUPPORTED_MEDIA_TYPE.defaultDetail());
        }
        if (contentLength > maxBodyBytes) {
            return reject(exchange, route, Outcome.PAYLOAD_TOO_LARGE, Problem.PAYLOAD_TOO_LARGE, tooLarge());
        }
        meters.count(route, Outcome.FORWARDED);
        exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
        if (chunked) {
            return chain.filter(exchange.mutate()
                    .request(new SizeLimitedRequest(request, maxBodyBytes))
                    .build());
        }
        return chain.filter(exchange);
    }

    private String tooLarge() {
        return "The request body must not exceed " + maxBodyBytes + " bytes.";
    }

    private boolean acceptedContentType(String method, HttpHeaders headers) {
        if (!method.equals("POST") && !method.equals("PATCH")) {
            return true;
        }
        MediaType contentType;
        try {
            contentType = headers.getContentType();
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        return contentType != null && ContentTypes.accepted(method, contentType.getType(), contentType.getSubtype());
    }

    private Mono<Void> reject(
            ServerWebExchange exchange, String route, Outcome outcome, Problem problem, String detail) {
        meters.count(route, outcome);
        if (outcome == Outcome.UNAUTHORIZED) {
            return ProblemResponses.write(
                    exchange, problem, detail, h -> h.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        return ProblemResponses.write(exchange, problem, detail, h -> {});
    }
}

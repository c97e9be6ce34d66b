package lab.like.gateway.access;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongSupplier;
import lab.like.gateway.identity.Caller;
import lab.like.gateway.limits.ContentTypes;
import lab.like.gateway.limits.SizeLimitedRequest;
import lab.like.gateway.limits.TokenBucket;
import lab.like.gateway.observability.GatewayMeters;
import lab.like.gateway.observability.RequestOutcome;
import lab.like.gateway.problem.Problem;
import lab.like.gateway.problem.ProblemResponses;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards every request before it is routed, deny by default: a non-canonical path (400); a public path (the
 * dashboard, health, API documents) passes; anything else outside the API is a 404. An API request is checked
 * in this order: credential (401, counted against the client address's rate), rate (429, so refused requests
 * count too), an operation of the public API (404), role (403), content type (415), body size (413), open
 * streams of the caller (429). {@code OPTIONS} on an API path answers its {@code Allow} without a key.
 */
final class ApiGuardFilter implements WebFilter, Ordered {

    private final Authenticator authenticator;
    private final AnonymousBuckets anonymous;
    private final AccessPolicy policy;
    private final GatewayMeters meters;
    private final long maxBodyBytes;
    private final LongSupplier nanoClock;
    private final ApplicationContext publicContext;

    ApiGuardFilter(
            ApplicationContext publicContext,
            Authenticator authenticator,
            AnonymousBuckets anonymous,
            AccessPolicy policy,
            GatewayMeters meters,
            long maxBodyBytes,
            LongSupplier nanoClock) {
        this.authenticator = authenticator;
        this.anonymous = anonymous;
        this.policy = policy;
        this.meters = meters;
        this.maxBodyBytes = maxBodyBytes;
        this.nanoClock = nanoClock;
        this.publicContext = publicContext;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ApplicationContext context = exchange.getApplicationContext();
        if (context != null && context != publicContext) {
            // the management port's child context inherits this filter: the actuator there is not the public door
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        String notCanonical = CanonicalPath.problem(rawPath == null ? "" : rawPath);
        String method = request.getMethod().name();
        if (notCanonical != null) {
            meters.count(GatewayMeters.UNMATCHED, RequestOutcome.BAD_REQUEST);
            return ProblemResponses.write(exchange, Problem.BAD_PATH, notCanonical, h -> {});
        }
        String path = rawPath;
        if (!path.startsWith("/api/")) {
            if (PublicPaths.allows(method, path)) {
                return chain.filter(exchange);
            }
            if (method.equals("OPTIONS") && PublicPaths.allows("GET", path)) {
                return allow(exchange, List.of("GET", "HEAD"));
            }
            return ProblemResponses.write(exchange, Problem.NOT_FOUND);
        }
        if (method.equals("OPTIONS")) {
            List<String> methods = policy.allowedMethods(path);
            return methods.isEmpty() ? ProblemResponses.write(exchange, Problem.NOT_FOUND) : allow(exchange, methods);
        }
        AccessRule rule = policy.match(method, path);
        String route = rule == null ? GatewayMeters.UNMATCHED : rule.name();
        return authenticator
                .authenticate(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(caller -> caller.isPresent()
                        ? guard(exchange, chain, caller.get(), rule, route, method, path)
                        : unauthenticated(exchange, route));
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange, String route) {
        long wait = anonymous.tryAcquire(clientAddress(exchange));
        if (wait > 0) {
            return rateLimited(exchange, route, wait);
        }
        return reject(
                exchange,
                route,
                RequestOutcome.UNAUTHORIZED,
                Problem.UNAUTHORIZED,
                Problem.UNAUTHORIZED.defaultDetail());
    }

    private Mono<Void> guard(
            ServerWebExchange exchange,
            WebFilterChain chain,
            Caller caller,
            AccessRule rule,
            String route,
            String method,
            String path) {
        long waitNanos = caller.bucket().tryAcquire(nanoClock.getAsLong());
        if (waitNanos > 0) {
            return rateLimited(exchange, route, waitNanos);
        }
        if (rule == null) {
            return reject(
                    exchange,
                    route,
                    RequestOutcome.NOT_FOUND,
                    Problem.NOT_FOUND,
                    "No API operation " + method + " " + path + ".");
        }
        if (!rule.allowsAny(caller.roles())) {
            return reject(
                    exchange,
                    route,
                    RequestOutcome.FORBIDDEN,
                    Problem.FORBIDDEN,
                    "Roles " + caller.roleNames() + " may not call " + rule.name() + "; allowed: " + rule.allowed()
                            + ".");
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long contentLength = headers.getContentLength();
        boolean chunked = contentLength < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if ((contentLength > 0 || chunked) && !acceptedContentType(method, headers)) {
            return reject(
                    exchange,
                    route,
                    RequestOutcome.UNSUPPORTED_MEDIA_TYPE,
                    Problem.UNSUPPORTED_MEDIA_TYPE,
                    method.equals("PATCH")
                            ? "The request body must be application/json or application/merge-patch+json."
                            : Problem.UNSUPPORTED_MEDIA_TYPE.defaultDetail());
        }
        if (contentLength > maxBodyBytes) {
            return reject(exchange, route, RequestOutcome.PAYLOAD_TOO_LARGE, Problem.PAYLOAD_TOO_LARGE, tooLarge());
        }
        ServerWebExchange forwarded = chunked
                ? exchange.mutate()
                        .request(new SizeLimitedRequest(exchange.getRequest(), maxBodyBytes))
                        .build()
                : exchange;
        forwarded.getAttributes().put(Caller.ATTRIBUTE, caller);
        if (AccessPolicy.isStream(path)) {
            if (!caller.streams().tryAcquire()) {
                meters.count(route, RequestOutcome.RATE_LIMITED);
                return ProblemResponses.write(
                        exchange,
                        Problem.TOO_MANY_STREAMS,
                        Problem.TOO_MANY_STREAMS.defaultDetail(),
                        h -> h.set(HttpHeaders.RETRY_AFTER, "5"));
            }
            meters.count(route, RequestOutcome.FORWARDED);
            // the slot is freed however the stream ends: completion, error, or the client going away (cancel)
            return chain.filter(forwarded).doFinally(signal -> caller.streams().release());
        }
        meters.count(route, RequestOutcome.FORWARDED);
        return chain.filter(forwarded);
    }

    private Mono<Void> rateLimited(ServerWebExchange exchange, String route, long waitNanos) {
        meters.count(route, RequestOutcome.RATE_LIMITED);
        String retryAfter = Long.toString(TokenBucket.retryAfterSeconds(waitNanos));
        return ProblemResponses.write(
                exchange,
                Problem.RATE_LIMITED,
                Problem.RATE_LIMITED.defaultDetail(),
                h -> h.set(HttpHeaders.RETRY_AFTER, retryAfter));
    }

    private static Mono<Void> allow(ServerWebExchange exchange, List<String> methods) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NO_CONTENT);
        response.getHeaders().set(HttpHeaders.ALLOW, String.join(", ", methods) + ", OPTIONS");
        return response.setComplete();
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
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
            ServerWebExchange exchange, String route, RequestOutcome outcome, Problem problem, String detail) {
        meters.count(route, outcome);
        if (outcome == RequestOutcome.UNAUTHORIZED) {
            return ProblemResponses.write(
                    exchange, problem, detail, h -> h.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        return ProblemResponses.write(exchange, problem, detail, h -> {});
    }
}

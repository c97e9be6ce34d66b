package lab.like.experiment.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.like.experiment.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Admits an {@code /api/**} request only with a valid internal token of the gateway (401 otherwise) whose roles
 * the role table allows for the operation (403 otherwise), and keeps the {@link Caller} as an exchange
 * attribute. Identity headers ({@code X-LikeLab-*}) are never read.
 */
final class IdentityFilter implements WebFilter, Ordered {

    private static final String BEARER = "Bearer ";

    private final InternalTokenVerifier verifier;
    private final ServerResponse.Context context;

    IdentityFilter(InternalTokenVerifier verifier, ServerCodecConfigurer codecs) {
        this.verifier = verifier;
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return HandlerStrategies.withDefaults().viewResolvers();
            }
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String token = bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return unauthorized(exchange);
        }
        // the chain completes empty: decide on the verdict first, so an empty chain is never mistaken for "no caller"
        return verifier.verify(token)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller ->
                        caller.isPresent() ? admit(caller.get(), exchange, chain, path) : unauthorized(exchange));
    }

    private Mono<Void> admit(Caller caller, ServerWebExchange exchange, WebFilterChain chain, String path) {
        Set<String> allowed =
                RouteRoles.allowed(exchange.getRequest().getMethod().name(), path);
        if (allowed != null && caller.roles().stream().noneMatch(allowed::contains)) {
            return write(
                    exchange, Problems.of(HttpStatus.FORBIDDEN, "The caller's roles do not allow this operation."));
        }
        exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
        return chain.filter(exchange);
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(
                exchange, Problems.of(HttpStatus.UNAUTHORIZED, "A valid internal token of the gateway is required."));
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    static String bearer(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}

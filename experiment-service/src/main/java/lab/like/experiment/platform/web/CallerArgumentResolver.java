package lab.like.experiment.platform.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import lab.like.experiment.platform.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link Caller} from the headers the gateway sets; without an organisation the request is a 401.
 * The caller's name comes from {@code X-LikeLab-Caller} ({@value #UNKNOWN} when absent).
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ORGANISATION = "X-LikeLab-Organisation";
    static final String ROLES = "X-LikeLab-Roles";
    static final String NAME = "X-LikeLab-Caller";
    static final String UNKNOWN = "unknown";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(
            MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        var headers = exchange.getRequest().getHeaders();
        String organisation = headers.getFirst(ORGANISATION);
        if (organisation == null || organisation.isBlank()) {
            return Mono.error(new UnauthorizedException(
                    "missing " + ORGANISATION + " header: requests must come through the gateway"));
        }
        String roles = headers.getFirst(ROLES);
        Set<String> roleSet = roles == null
                ? Set.of()
                : Arrays.stream(roles.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .collect(Collectors.toSet());
        String name = headers.getFirst(NAME);
        return Mono.just(
                new Caller(name == null || name.isBlank() ? UNKNOWN : name.trim(), organisation.trim(), roleSet));
    }
}

package lab.like.experiment.identity;

import lab.like.experiment.failure.UnauthorizedException;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link Caller} the identity filter verified from the gateway's internal token; without one the
 * request is a 401 (the filter already refuses such API requests, so this is the second lock).
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(
            MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            return Mono.error(new UnauthorizedException("no verified caller: requests must come through the gateway"));
        }
        return Mono.just(caller);
    }
}

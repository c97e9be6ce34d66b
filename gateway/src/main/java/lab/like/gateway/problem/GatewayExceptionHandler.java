package lab.like.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import lab.like.gateway.limits.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns failures while routing into problem documents: a downstream that cannot be reached is a 503, one
 * that does not answer in time a 504, anything unexpected a 500; no exception message ever reaches the client.
 * Runs before Boot's default handler (order -1).
 */
@Component
@Order(-2)
class GatewayExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = classify(ex);
        if (problem == null) {
            return Mono.error(ex);
        }
        String path = exchange.getRequest().getPath().value();
        if (problem == Problem.INTERNAL) {
            log.error("Unexpected failure on {}", path, ex);
        } else if (problem.status() >= 500) {
            log.warn("{} on {}: {}", problem.title(), path, ex.toString());
        }
        return ProblemResponses.write(exchange, problem);
    }

    static Problem classify(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return Problem.PAYLOAD_TOO_LARGE;
            }
            if (t instanceof ConnectException
                    || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof PrematureCloseException
                    || t instanceof TimeoutException) {
                return Problem.UNAVAILABLE;
            }
            if (t instanceof ResponseStatusException status) {
                return forStatus(status.getStatusCode().value());
            }
        }
        return Problem.INTERNAL;
    }

    private static Problem forStatus(int status) {
        return switch (status) {
            case 404 -> Problem.NOT_FOUND;
            case 413 -> Problem.PAYLOAD_TOO_LARGE;
            case 415 -> Problem.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> Problem.UNAVAILABLE;
            case 504 -> Problem.TIMEOUT;
            default -> status >= 500 ? Problem.INTERNAL : null;
        };
    }
}

package lab.like.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes every problem document the gateway answers: the one place where they are built. */
public final class ProblemResponses {

    /**
     * A refused request's body up to this declared length is read and dropped before the problem is written (the
     * gateway's default largest body; an oversized one is refused on its declared length and left to Netty).
     * Without it, a refusal written while the whole body already sat unread in the connection's buffer left that
     * keep-alive connection stuck: the client's next request on it was acknowledged by TCP and never answered
     * (found by issue 10's fuzz: about 1 in 300 early refusals followed by a forwarded request, seen in a packet
     * capture; {@code RefusalKeepAliveTest} replays it).
     */
    static final long DISCARDED_BODY_LIMIT_BYTES = 1024 * 1024;

    /** A body that is announced but does not arrive does not hold the refusal back for longer than this. */
    static final Duration DISCARD_TIMEOUT = Duration.ofSeconds(5);

    private ProblemResponses() {}

    public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return write(exchange, problem, problem.defaultDetail(), headers -> {});
    }

    public static Mono<Void> write(
            ServerWebExchange exchange, Problem problem, String detail, Consumer<HttpHeaders> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        extraHeaders.accept(headers);
        String path = exchange.getRequest().getPath().value();
        byte[] body = json(problem, detail, path).getBytes(StandardCharsets.UTF_8);
        return discardBody(exchange.getRequest())
                .then(Mono.defer(() ->
                        response.writeWith(Mono.just(response.bufferFactory().wrap(body)))));
    }

    /**
     * Reads and drops the body of a request that is refused without it. A body already read (the request was
     * forwarded, or its size limit tripped part-way) cannot be subscribed again: that error just means there is
     * nothing left to drop.
     */
    private static Mono<Void> discardBody(ServerHttpRequest request) {
        long length = request.getHeaders().getContentLength();
        if (length <= 0 || length > DISCARDED_BODY_LIMIT_BYTES) {
            return Mono.empty();
        }
        return request.getBody()
                .doOnNext(DataBufferUtils::release)
                .then()
                .timeout(DISCARD_TIMEOUT)
                .onErrorComplete();
    }

    static String json(Problem problem, String detail, String instance) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"type\":\"").append(problem.type());
        json.append("\",\"title\":\"").append(problem.title());
        json.append("\",\"status\":").append(problem.status());
        json.append(",\"detail\":\"");
        escape(detail, json);
        json.append("\",\"instance\":\"");
        escape(instance, json);
        return json.append("\"}").toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}

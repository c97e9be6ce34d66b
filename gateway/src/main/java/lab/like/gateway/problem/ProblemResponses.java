package lab.like.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes every problem document the gateway answers: the one place where they are built. */
public final class ProblemResponses {

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
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
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

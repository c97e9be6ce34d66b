package lab.like.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for experiment-service or metrics-service: a real HTTP server that records what the gateway sent
 * and answers with its own name, so tests see where a request was routed and with which headers.
 */
final class DownstreamStub implements AutoCloseable {

    record Received(String method, String uri, HttpHeaders headers, int bodyBytes) {}

    private final String name;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Duration eventInterval;
    private final DisposableServer server;

    private DownstreamStub(String name, Duration eventInterval) {
        this.name = name;
        this.eventInterval = eventInterval;
        this.server = HttpServer.create().port(0).handle(this::handle).bindNow();
    }

    static DownstreamStub start(String name) {
        return new DownstreamStub(name, Duration.ofMillis(50));
    }

    /** A stub whose Server-Sent Events (any path containing "stream") come this far apart. */
    static DownstreamStub start(String name, Duration eventInterval) {
        return new DownstreamStub(name, eventInterval);
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The next request this service received, waiting briefly for it. */
    Received take() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError(name + " received no request");
        }
        return next;
    }

    boolean receivedNothing() {
        return received.isEmpty();
    }

    int size() {
        return received.size();
    }

    void clear() {
        received.clear();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asByteArray()
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    received.add(new Received(
                            request.method().name(),
                            request.uri(),
                            request.requestHeaders().copy(),
                            body.length));
                    return respond(request.uri(), body.length, response);
                });
    }

    private Mono<Void> respond(String uri, int bodyBytes, HttpServerResponse response) {
        if (uri.contains("stream")) {
            return response.header("Content-Type", "text/event-stream")
                    .sendString(Flux.range(1, 3)
                            .map(n -> "data: {\"n\":" + n + "}\n\n")
                            .delayElements(eventInterval))
                    .then();
        }
        Mono<Void> answer = response.header("Content-Type", "application/json")
                .sendString(Mono.just("{\"service\":\"" + name + "\",\"bytes\":" + bodyBytes + "}"))
                .then();
        return uri.contains("/slow") ? Mono.delay(Duration.ofSeconds(5)).then(answer) : answer;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}

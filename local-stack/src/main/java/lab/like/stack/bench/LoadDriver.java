package lab.like.stack.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends POST requests with a fixed number in flight on pooled keep-alive connections (Reactor Netty), so the
 * load generator itself stays cheap on a machine it shares with the stack. Records each request's latency.
 */
final class LoadDriver {

    record Outcome(double perSecond, long ok, long failed, long units, long[] latenciesNanos) {}

    private final HttpClient client;

    LoadDriver(BenchTarget target, int connections) {
        ConnectionProvider pool = ConnectionProvider.builder("bench")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .build();
        this.client = HttpClient.create(pool)
                .baseUrl(target.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .headers(h -> h.add(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.apiKey())
                        .add(HttpHeaderNames.CONTENT_TYPE, "application/json"));
    }

    /**
     * Posts {@code count} bodies to {@code path}; {@code units} reads how many units (events, assignments) a
     * successful answer confirms, {@code expectedStatus} is the status of success.
     */
    Outcome post(
            String path,
            int count,
            IntFunction<String> body,
            int inFlight,
            int expectedStatus,
            ToLongFunction<String> units) {
        long[] latencies = new long[count];
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong confirmed = new AtomicLong();
        long start = System.nanoTime();
        Flux.range(0, count)
                .flatMap(
                        i -> Mono.defer(() -> {
                            long t0 = System.nanoTime();
                            return client.post()
                                    .uri(path)
                                    .send(ByteBufFlux.fromString(Mono.just(body.apply(i))))
                                    .responseSingle((response, content) -> content.asString()
                                            .defaultIfEmpty("")
                                            .map(text -> {
                                                latencies[i] = System.nanoTime() - t0;
                                                if (response.status().code() == expectedStatus) {
                                                    ok.incrementAndGet();
                                                    confirmed.addAndGet(units.applyAsLong(text));
                                                } else {
                                                    failed.incrementAndGet();
                                                }
                                                return text;
                                            }));
                        }),
                        inFlight)
                .onErrorContinue((error, value) -> failed.incrementAndGet())
                .blockLast();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(confirmed.get() / seconds, ok.get(), failed.get(), confirmed.get(), latencies);
    }

    /** Sends {@code count} GET requests to {@code path}, {@code inFlight} at a time; a 200 is a success. */
    Outcome get(String path, int count, int inFlight) {
        long[] latencies = new long[count];
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        Flux.range(0, count)
                .flatMap(
                        i -> Mono.defer(() -> {
                            long t0 = System.nanoTime();
                            return client.get().uri(path).responseSingle((response, content) -> content.asString()
                                    .defaultIfEmpty("")
                                    .map(text -> {
                                        latencies[i] = System.nanoTime() - t0;
                                        (response.status().code() == 200 ? ok : failed).incrementAndGet();
                                        return text;
                                    }));
                        }),
                        inFlight)
                .onErrorContinue((error, value) -> failed.incrementAndGet())
                .blockLast();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(ok.get() / seconds, ok.get(), failed.get(), ok.get(), latencies);
    }

    static long acceptedCount(String body) {
        String field = "\"accepted\":";
        int at = body.indexOf(field);
        if (at < 0) {
            return 0;
        }
        int end = at + field.length();
        int stop = end;
        while (stop < body.length() && Character.isDigit(body.charAt(stop))) {
            stop++;
        }
        return Long.parseLong(body.substring(end, stop));
    }

    static void warn(List<String> labels, Outcome outcome) {
        if (outcome.failed() > 0) {
            System.out.printf("WARNING: %s: %d requests failed%n", labels, outcome.failed());
        }
    }
}

package lab.like.metrics.results.web;

import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.Results;
import lab.like.metrics.results.service.ResultsProperties;
import lab.like.metrics.results.service.ResultsService;
import lab.like.metrics.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GET results and daily counts; tenancy comes from the caller of the gateway's verified internal token. */
@RestController
@RequestMapping("/api/v1/experiments/{id}/results")
class ResultsController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ResultsService service;
    private final ResultsProperties.Stream stream;

    ResultsController(ResultsService service, ResultsProperties properties) {
        this.service = service;
        this.stream = properties.stream();
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> results(@PathVariable String id, Caller caller) {
        return service.resultsJson(id, caller.organisation()).map(json -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(json));
    }

    @GetMapping(value = "/daily", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DailyResults> daily(@PathVariable String id, Caller caller) {
        return service.daily(id, caller.organisation());
    }

    @GetMapping(value = "/daily", produces = "text/csv")
    Mono<ResponseEntity<String>> dailyCsv(@PathVariable String id, Caller caller) {
        return service.daily(id, caller.organisation())
                .map(d -> ResponseEntity.ok().contentType(CSV).body(d.toCsv()));
    }

    /**
     * The results document now and whenever it changes (the experiment's shared change feed), a comment every
     * {@code heartbeat}, and the end after {@code lifetime} so that clients reconnect.
     */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Results>> stream(@PathVariable String id, Caller caller) {
        String organisation = caller.organisation();
        Flux<ServerSentEvent<Results>> heartbeats = Flux.interval(stream.heartbeat())
                .onBackpressureDrop()
                .map(tick ->
                        ServerSentEvent.<Results>builder().comment("heartbeat").build());
        // the first read fails before anything is sent, so an unknown experiment is a 404 problem, not a stream
        return service.results(id, organisation)
                .flatMapMany(first -> service.changes(id, organisation)
                        .map(r -> ServerSentEvent.builder(r)
                                .event("results")
                                .id(Long.toString(r.eventsCounted()))
                                .build())
                        .mergeWith(heartbeats))
                .take(stream.lifetime());
    }
}

package lab.like.metrics.results.web;

import java.time.Duration;
import lab.like.metrics.results.DailyResults;
import lab.like.metrics.results.Results;
import lab.like.metrics.results.ResultsService;
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

    static final Duration STREAM_POLL = Duration.ofSeconds(1);

    private final ResultsService service;

    ResultsController(ResultsService service) {
        this.service = service;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Results> results(@PathVariable String id, Caller caller) {
        return service.results(id, caller.organisation());
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

    /** The results document now and whenever events are counted or the status changes (polled, 1 s). */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Results>> stream(@PathVariable String id, Caller caller) {
        String organisation = caller.organisation();
        return service.results(id, organisation)
                .flatMapMany(first -> Flux.concat(
                        Flux.just(first),
                        Flux.interval(STREAM_POLL)
                                .onBackpressureDrop()
                                .concatMap(tick -> service.results(id, organisation))))
                .distinctUntilChanged(r -> r.status() + "|" + r.eventsCounted())
                .map(r -> ServerSentEvent.builder(r)
                        .event("results")
                        .id(Long.toString(r.eventsCounted()))
                        .build());
    }
}

package lab.like.experiment.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import lab.like.experiment.identity.Caller;
import lab.like.experiment.registry.ExperimentService;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.web.Bound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Lifecycle endpoints: start, pause, complete (with the decision) and archive. */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
class LifecycleController {

    private final ExperimentService service;
    private final Clock clock;
    private final DecisionRequests decisions;

    LifecycleController(ExperimentService service, Clock clock, DecisionRequests decisions) {
        this.service = service;
        this.clock = clock;
        this.decisions = decisions;
    }

    @PostMapping("/start")
    Mono<ResponseEntity<ExperimentView>> start(
            Caller caller,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return service.transition(
                        caller, new ExperimentId(id), IfMatch.version(ifMatch), e -> e.start(caller.name(), clock))
                .map(ExperimentController::withETag);
    }

    @PostMapping("/pause")
    Mono<ResponseEntity<ExperimentView>> pause(
            Caller caller,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return service.transition(
                        caller, new ExperimentId(id), IfMatch.version(ifMatch), e -> e.pause(caller.name(), clock))
                .map(ExperimentController::withETag);
    }

    @PostMapping("/complete")
    Mono<ResponseEntity<ExperimentView>> complete(
            Caller caller,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CompleteRequest.class)))
                    @RequestBody
                    Bound<CompleteRequest> body) {
        Decision decision = decisions.decision(body);
        return service.transition(
                        caller,
                        new ExperimentId(id),
                        IfMatch.version(ifMatch),
                        e -> e.complete(decision, caller.name(), clock))
                .map(ExperimentController::withETag);
    }

    @PostMapping("/archive")
    Mono<ResponseEntity<ExperimentView>> archive(
            Caller caller,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return service.transition(
                        caller, new ExperimentId(id), IfMatch.version(ifMatch), e -> e.archive(caller.name(), clock))
                .map(ExperimentController::withETag);
    }
}

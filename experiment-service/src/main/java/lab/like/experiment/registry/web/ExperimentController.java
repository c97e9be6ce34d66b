package lab.like.experiment.registry.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import lab.like.experiment.identity.Caller;
import lab.like.experiment.registry.ExperimentService;
import lab.like.experiment.registry.ExperimentService.ExperimentDetails;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.web.Bound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Registry endpoints: create, read, list and merge-patch experiments. */
@RestController
@RequestMapping("/api/v1/experiments")
class ExperimentController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ExperimentService service;
    private final SpecRequests requests;

    ExperimentController(ExperimentService service, SpecRequests requests) {
        this.service = service;
        this.requests = requests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ExperimentView>> create(
            Caller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CreateExperimentRequest.class)))
                    @RequestBody
                    Bound<CreateExperimentRequest> body) {
        ExperimentSpec spec = requests.create(body);
        return service.create(caller, spec, SpecRequests.namedOrganisation(body))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/experiments/" + created.id()))
                        .eTag(Long.toString(created.version()))
                        .body(ExperimentView.of(created, List.of())));
    }

    @GetMapping
    Mono<ExperimentList> list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        ListQuery query = ListQuery.of(status, service, cursor, limit);
        return this.service
                .list(caller, query.status(), query.service(), query.cursor(), query.limit())
                .map(page -> new ExperimentList(
                        page.items().stream()
                                .map(e -> ExperimentView.of(e, null))
                                .toList(),
                        page.next()));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<ExperimentView>> get(Caller caller, @PathVariable String id) {
        return service.get(caller, new ExperimentId(id)).map(ExperimentController::withETag);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    Mono<ResponseEntity<ExperimentView>> patch(
            Caller caller,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CreateExperimentRequest.class)))
                    @RequestBody
                    Bound<ExperimentPatchRequest> patch) {
        return service.patch(
                        caller,
                        new ExperimentId(id),
                        current -> requests.revise(patch, current),
                        IfMatch.version(ifMatch))
                .map(ExperimentController::withETag);
    }

    @GetMapping("/{id}/history")
    Mono<Map<String, List<HistoryView>>> history(Caller caller, @PathVariable String id) {
        return service.history(caller, new ExperimentId(id))
                .map(entries ->
                        Map.of("items", entries.stream().map(HistoryView::of).toList()));
    }

    static ResponseEntity<ExperimentView> withETag(ExperimentDetails details) {
        Experiment e = details.experiment();
        return ResponseEntity.ok().eTag(Long.toString(e.version())).body(ExperimentView.of(e, details.iterations()));
    }

    /** {@code {"items": [...], "next": <cursor or null>}}. */
    record ExperimentList(List<ExperimentView> items, String next) {}
}

package lab.like.experiment.ingestion.web;

import lab.like.experiment.ingestion.IngestionService;
import lab.like.experiment.ingestion.IngestionService.BatchResult;
import lab.like.experiment.platform.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/events}: a batch of 1 to 1000 usage events. */
@RestController
class EventsController {

    private final IngestionService ingestion;

    EventsController(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<BatchResult> ingest(Caller caller, @RequestBody JsonNode batch) {
        return ingestion.ingest(caller, batch);
    }
}

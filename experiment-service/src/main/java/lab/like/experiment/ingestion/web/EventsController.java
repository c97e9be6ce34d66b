package lab.like.experiment.ingestion.web;

import java.util.List;
import lab.like.experiment.identity.Caller;
import lab.like.experiment.ingestion.IngestionService;
import lab.like.experiment.ingestion.IngestionService.BatchResult;
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
    Mono<BatchView> ingest(Caller caller, @RequestBody JsonNode batch) {
        return ingestion.ingest(caller, SubmittedEventReader.readBatch(batch)).map(BatchView::of);
    }

    /** The 202 body: {@code {"accepted", "rejected": [{"index", "eventId", "reason"}]}}. */
    record BatchView(int accepted, List<RejectedView> rejected) {

        static BatchView of(BatchResult result) {
            return new BatchView(
                    result.accepted(),
                    result.rejected().stream()
                            .map(r -> new RejectedView(r.index(), r.eventId(), r.reason()))
                            .toList());
        }
    }

    record RejectedView(int index, String eventId, String reason) {}
}

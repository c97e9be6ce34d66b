package lab.like.experiment.ingestion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.like.experiment.platform.Caller;
import lab.like.experiment.platform.LikeLabProperties;
import lab.like.experiment.platform.UnavailableException;
import lab.like.experiment.registry.Experiment;
import lab.like.experiment.registry.ExperimentId;
import lab.like.experiment.registry.ExperimentLookup;
import lab.like.experiment.registry.FieldError;
import lab.like.experiment.registry.InvalidInputException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Validates a batch event by event, publishes every valid one, and answers only when all of them are
 * acknowledged by Kafka; if any send fails the whole request is a 503 (the client retries the batch, and the
 * downstream de-duplication on experimentId + eventId makes the retry safe).
 */
@Service
public class IngestionService {

    private final ExperimentLookup lookup;
    private final EventRules rules;
    private final UsageEventSink sink;
    private final Clock clock;
    private final LikeLabProperties.Ingestion settings;
    private final MeterRegistry meters;
    private final Counter accepted;

    IngestionService(
            ExperimentLookup lookup,
            SubjectHasher hasher,
            UsageEventSink sink,
            Clock clock,
            LikeLabProperties props,
            MeterRegistry meters) {
        this.lookup = lookup;
        this.settings = props.ingestion();
        this.rules = new EventRules(hasher, settings.maxFuture(), settings.maxAge());
        this.sink = sink;
        this.clock = clock;
        this.meters = meters;
        this.accepted = meters.counter("likelab.events.accepted");
    }

    public Mono<BatchResult> ingest(Caller caller, JsonNode batch) {
        if (batch == null || !batch.isArray() || batch.isEmpty() || batch.size() > settings.maxBatchSize()) {
            return Mono.error(new InvalidInputException(
                    "The body must be a JSON array of 1 to " + settings.maxBatchSize() + " events",
                    List.of(new FieldError(
                            "",
                            "expected a JSON array of 1 to " + settings.maxBatchSize() + " events, got "
                                    + describe(batch)))));
        }
        return visibleExperiments(caller, batch).flatMap(experiments -> {
            Instant now = clock.instant();
            List<UsageEventRecord> valid = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                EventRules.Verdict verdict = rules.check(i, batch.get(i), experiments, now);
                if (verdict.accepted() != null) {
                    valid.add(verdict.accepted());
                } else {
                    rejected.add(verdict.rejected());
                }
            }
            return sink.publishAll(valid)
                    .onErrorMap(
                            e -> !(e instanceof UnavailableException),
                            e -> new UnavailableException(
                                    "the event store is unavailable; no events of this batch are confirmed, retry later",
                                    settings.retryAfter(),
                                    e))
                    .then(Mono.fromSupplier(() -> {
                        accepted.increment(valid.size());
                        rejected.forEach(r -> meters.counter(
                                        "likelab.events.rejected",
                                        "reason",
                                        r.code().tag())
                                .increment());
                        return new BatchResult(valid.size(), rejected);
                    }));
        });
    }

    private Mono<Map<String, Experiment>> visibleExperiments(Caller caller, JsonNode batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(event -> {
            JsonNode id = event.isObject() ? event.get("experimentId") : null;
            if (id != null
                    && id.isString()
                    && !id.stringValue().isEmpty()
                    && id.stringValue().length() <= 200) {
                ids.add(id.stringValue());
            }
        });
        return Flux.fromIterable(ids)
                .flatMap(id -> lookup.find(new ExperimentId(id)).flatMap(Mono::justOrEmpty), 16)
                .filter(e -> caller.sees(e.organisation()))
                .collectMap(e -> e.id().value(), e -> e, HashMap::new);
    }

    private static String describe(JsonNode batch) {
        if (batch == null || !batch.isArray()) {
            return "no array";
        }
        return batch.size() + " events";
    }

    /** The 202 body. */
    public record BatchResult(int accepted, List<Rejection> rejected) {}
}

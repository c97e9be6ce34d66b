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
import lab.like.experiment.config.LikeLabProperties;
import lab.like.experiment.failure.FieldError;
import lab.like.experiment.failure.InvalidInputException;
import lab.like.experiment.failure.UnavailableException;
import lab.like.experiment.identity.Caller;
import lab.like.experiment.ingestion.domain.EventRules;
import lab.like.experiment.ingestion.domain.Rejection;
import lab.like.experiment.ingestion.domain.SubjectHasher;
import lab.like.experiment.ingestion.domain.SubmittedEvent;
import lab.like.experiment.ingestion.domain.UsageEventRecord;
import lab.like.experiment.registry.ExperimentLookup;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

    /** {@code batch}: the events as read, null when the body was not a JSON array. */
    public Mono<BatchResult> ingest(Caller caller, List<SubmittedEvent> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > settings.maxBatchSize()) {
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

    private Mono<Map<String, Experiment>> visibleExperiments(Caller caller, List<SubmittedEvent> batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(event -> {
            if (event.experimentId() != null) {
                ids.add(event.experimentId());
            }
        });
        return Flux.fromIterable(ids)
                .flatMap(id -> lookup.find(new ExperimentId(id)).flatMap(Mono::justOrEmpty), 16)
                .filter(e -> caller.sees(e.organisation()))
                .collectMap(e -> e.id().value(), e -> e, HashMap::new);
    }

    private static String describe(List<SubmittedEvent> batch) {
        if (batch == null) {
            return "no array";
        }
        return batch.size() + " events";
    }

    /** What became of a batch: how many events were accepted, and why each other one was not. */
    public record BatchResult(int accepted, List<Rejection> rejected) {}
}

package lab.like.experiment.ingestion.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import lab.like.experiment.config.LikeLabProperties;
import lab.like.experiment.ingestion.UsageEventSink;
import lab.like.experiment.ingestion.domain.UsageEventRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a batch to {@code usage-events} (key = experimentId) with the idempotent, acks=all producer: all sends
 * are started at once and the result completes when every send future has completed, failing if any failed.
 * {@code send} may block up to max.block.ms for metadata when the broker is down, so it runs on
 * boundedElastic, never on a Netty thread.
 */
@Component
class KafkaUsageEventSink implements UsageEventSink {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final String topic;
    private final Timer latency;

    KafkaUsageEventSink(
            KafkaTemplate<String, byte[]> kafka, JsonMapper json, LikeLabProperties props, MeterRegistry meters) {
        this.kafka = kafka;
        this.json = json;
        this.topic = props.topics().usageEvents();
        this.latency = Timer.builder("likelab.events.publish")
                .description("time until every accepted event of a batch is acknowledged by Kafka")
                .register(meters);
    }

    @Override
    public Mono<Void> publishAll(List<UsageEventRecord> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
                    long start = System.nanoTime();
                    return Flux.fromIterable(events)
                            .map(event -> kafka.send(topic, event.experimentId(), json.writeValueAsBytes(event)))
                            .collectList()
                            .flatMap(futures -> Flux.merge(futures.stream()
                                            .map(Mono::fromFuture)
                                            .toList())
                                    .then())
                            .doOnSuccess(done -> latency.record(
                                    System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}

package lab.like.experiment.registry.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import lab.like.experiment.config.LikeLabProperties;
import lab.like.experiment.registry.domain.ExperimentId;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.cloud.stream.binder.kafka.support.ProducerConfigCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes through the Spring Cloud Stream Kafka binder: the output binding {@value #BINDING} (destination and
 * {@code sync: true} in application.yml), so a send returns only once the broker has acknowledged it or has
 * failed. The producer is idempotent with acks=all and the short timeouts of {@code likelab.kafka.*}, so an
 * outage fails the send within seconds and the outbox marker stays for the next sweep.
 */
@Configuration(proxyBeanMethods = false)
class BinderExperimentPublisher implements ExperimentPublisher {

    static final String BINDING = "experiments-out-0";

    private final StreamBridge bridge;

    BinderExperimentPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public Mono<Void> publish(ExperimentId id, byte[] definition) {
        return Mono.<Void>fromRunnable(() -> {
                    var message = MessageBuilder.withPayload(definition)
                            .setHeader(KafkaHeaders.KEY, id.value().getBytes(StandardCharsets.UTF_8))
                            .build();
                    if (!bridge.send(BINDING, message)) {
                        throw new IllegalStateException("the binder did not take experiment " + id.value());
                    }
                })
                // a synchronous send waits for the broker: never on a Netty or parallel thread
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Bean
    ProducerConfigCustomizer experimentsProducer(LikeLabProperties props) {
        return (config, binding, destination) -> {
            if (!BINDING.equals(binding)) return;
            LikeLabProperties.Kafka kafka = props.kafka();
            config.putAll(Map.of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    (int) kafka.deliveryTimeout().toMillis(),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) kafka.requestTimeout().toMillis(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    kafka.maxBlock().toMillis(),
                    ProducerConfig.CLIENT_ID_CONFIG,
                    "experiment-service-outbox"));
        };
    }
}

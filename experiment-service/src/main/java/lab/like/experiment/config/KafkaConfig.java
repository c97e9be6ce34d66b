package lab.like.experiment.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The ingestion producer: idempotent, {@code acks=all}, keyed by experiment id, values are JSON bytes; short,
 * configurable timeouts so that an outage surfaces as a failed send within seconds. It is spring-kafka's
 * {@code KafkaTemplate} (the library the Spring Cloud Stream Kafka binder is built on) because a batch of events
 * is answered only when every record's own acknowledgement is in, and StreamBridge gives no per-record result;
 * experiment definitions go through the binder ({@code BinderExperimentPublisher}).
 * Topics are created on startup if absent (through Boot's auto-configured {@code KafkaAdmin}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    ProducerFactory<String, byte[]> producerFactory(LikeLabProperties props, KafkaProperties boot) {
        LikeLabProperties.Kafka kafka = props.kafka();
        // spring.kafka.properties: the client security settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*)
        Map<String, Object> config = new HashMap<>(boot.getProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                kafka.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                kafka.requestTimeout().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlock().toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "experiment-service");
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    NewTopic experimentsTopic(LikeLabProperties props) {
        return TopicBuilder.name(props.topics().experiments())
                .partitions(1)
                .replicas(props.topics().replicationFactor())
                .compact()
                .build();
    }

    @Bean
    NewTopic usageEventsTopic(LikeLabProperties props) {
        LikeLabProperties.Topics topics = props.topics();
        return TopicBuilder.name(topics.usageEvents())
                .partitions(topics.usageEventsPartitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(topics.usageEventsRetention().toMillis()))
                .build();
    }
}

package lab.like.metrics.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import lab.like.metrics.aggregation.json.AggregateMessage;
import lab.like.metrics.aggregation.json.ExperimentJson;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies committed aggregate totals ({@code kpi-aggregates}, read_committed) and experiment definitions
 * ({@code experiments}) into MongoDB as versioned bulk upserts, one bulk write per poll. It is the Spring Cloud
 * Stream function {@code write}, a batch consumer on the Kafka binder (application.yml): the listener container
 * commits a batch's offsets only after the function returns, and a failed write is retried, with the same
 * records, until it succeeds. At-least-once delivery into idempotent writes; aggregate versions are event
 * counts, experiment versions are the experiments' own {@code version}.
 */
@Configuration(proxyBeanMethods = false)
class AggregateWriter {

    private static final Logger log = LoggerFactory.getLogger(AggregateWriter.class);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final MetricsProperties properties;
    private final MetricsMongo mongo;
    private final JsonMapper json;
    private final Timer lag;
    private final Clock clock;
    private volatile boolean indexed;

    AggregateWriter(
            MetricsProperties properties, MetricsMongo mongo, JsonMapper json, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.mongo = mongo;
        this.json = json;
        this.lag = Timer.builder("likelab.metrics.aggregation.lag")
                .description("time from the newest counted event's Kafka timestamp to its totals being in MongoDB")
                .register(registry);
    }

    @Bean
    Consumer<Message<List<byte[]>>> write() {
        return this::write;
    }

    /**
     * The writer's consumer settings come from {@code likelab.metrics.writer}; a batch that cannot be written
     * (MongoDB unreachable) is retried every second for as long as it takes, never skipped.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> writerContainer() {
        return (container, destination, group) -> {
            if (!properties.writer().groupId().equals(group)) return;
            var writer = properties.writer();
            var consumer = new Properties();
            consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, writer.maxPollRecords());
            consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            consumer.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer.putAll(writer.consumerOverrides());
            container.getContainerProperties().setKafkaConsumerProperties(consumer);
            container
                    .getContainerProperties()
                    .setPollTimeout(writer.pollTimeout().toMillis());
            container.setCommonErrorHandler(new DefaultErrorHandler(
                    new FixedBackOff(RETRY_INTERVAL.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        };
    }

    void write(Message<List<byte[]>> batch) {
        List<byte[]> values = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<?> topics = batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        Map<String, Document> aggregates = new HashMap<>();
        Map<String, Document> experiments = new HashMap<>();
        Instant now = clock.instant();
        for (int i = 0; i < values.size(); i++) {
            String key = keys == null ? null : text(keys.get(i));
            if (key == null) continue;
            Object value = values.get(i);
            try {
                collect(
                        (String) topics.get(i),
                        key,
                        value instanceof byte[] bytes ? bytes : null,
                        aggregates,
                        experiments,
                        now);
            } catch (JacksonException | IllegalArgumentException | NullPointerException | ClassCastException e) {
                // a record nobody can read must not stall the writer: skip it, loudly
                log.error("skipping unreadable record {} with key {}: {}", topics.get(i), key, e.toString());
            }
        }
        // Blocking is deliberate: this runs on the listener container's consumer thread (never a Netty thread),
        // and the container commits the batch's offsets when this method returns, so the write must be done by
        // then; a failure is rethrown for the container to retry the same batch.
        try {
            if (!indexed) {
                mongo.ensureIndexes().block(properties.writer().writeTimeout());
                indexed = true;
            }
            VersionedBulkWriter.write(mongo.aggregates(), aggregates)
                    .then(VersionedBulkWriter.write(mongo.experiments(), experiments))
                    .block(properties.writer().writeTimeout());
        } catch (RuntimeException e) {
            log.warn("writing aggregates to MongoDB failed; retrying the batch in {}", RETRY_INTERVAL, e);
            throw e;
        }
    }

    private static String text(Object key) {
        return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) key;
    }

    private void collect(
            String topic,
            String key,
            byte[] value,
            Map<String, Document> aggregates,
            Map<String, Document> experiments,
            Instant now) {
        if (topic.equals(properties.topics().aggregates())) {
            if (value == null) return;
            var message = json.readValue(value, AggregateMessage.class);
            newest(aggregates, key, AggregateDocuments.aggregate(key, message));
            lag.record(Duration.between(message.lastEventAt(), now));
        } else if (value == null) {
            experiments.put(key, null);
        } else {
            // published at least once per change, possibly out of order: the highest version wins
            ExperimentJson.parse(json.readTree(value))
                    .map(AggregateDocuments::experiment)
                    .ifPresent(doc -> newest(experiments, key, doc));
        }
    }

    private static void newest(Map<String, Document> batch, String id, Document doc) {
        Document seen = batch.get(id);
        if (seen == null || seen.getLong("version") <= doc.getLong("version")) batch.put(id, doc);
    }
}

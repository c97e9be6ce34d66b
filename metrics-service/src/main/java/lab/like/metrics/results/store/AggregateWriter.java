package lab.like.metrics.results.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import lab.like.metrics.aggregation.AggregateMessage;
import lab.like.metrics.aggregation.ExperimentJson;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies committed aggregate totals ({@code kpi-aggregates}, read_committed) and experiment definitions
 * ({@code experiments}) into MongoDB as versioned bulk upserts, one bulk write per poll. It runs on its own
 * thread and waits for each bulk write before committing offsets: at-least-once delivery into idempotent
 * writes. Aggregate versions are event counts; experiment versions are the experiments' own {@code version}.
 */
@Component
class AggregateWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AggregateWriter.class);

    private final MetricsProperties properties;
    private final MetricsMongo mongo;
    private final JsonMapper json;
    private final Timer lag;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    AggregateWriter(MetricsProperties properties, MetricsMongo mongo, JsonMapper json, MeterRegistry registry) {
        this.properties = properties;
        this.mongo = mongo;
        this.json = json;
        this.lag = Timer.builder("likelab.metrics.aggregation.lag")
                .description("time from the newest counted event's Kafka timestamp to its totals being in MongoDB")
                .register(registry);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "aggregate-writer");
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                consume();
            } catch (WakeupException e) {
                if (running) log.warn("aggregate writer woken up unexpectedly; restarting it");
            } catch (RuntimeException e) {
                // e.g. MongoDB unreachable at start: keep trying, never leave the results unwritten for good
                log.error("aggregate writer failed; restarting it", e);
                pause();
            }
        }
    }

    private void consume() {
        try (var kafka = new KafkaConsumer<String, byte[]>(consumerConfig())) {
            consumer = kafka;
            if (!running) return;
            mongo.ensureIndexes().block(properties.writer().writeTimeout());
            kafka.subscribe(List.of(
                    properties.topics().aggregates(), properties.topics().experiments()));
            while (running) {
                ConsumerRecords<String, byte[]> records =
                        kafka.poll(properties.writer().pollTimeout());
                if (records.isEmpty()) continue;
                try {
                    write(records);
                    kafka.commitSync();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("writing aggregates to MongoDB failed; retrying the batch", e);
                    records.partitions()
                            .forEach(tp ->
                                    kafka.seek(tp, records.records(tp).get(0).offset()));
                    pause();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void write(ConsumerRecords<String, byte[]> records) {
        Map<String, Document> aggregates = new HashMap<>();
        Map<String, Document> experiments = new HashMap<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) continue;
            try {
                collect(record, aggregates, experiments, now);
            } catch (JacksonException e) {
                // a record nobody can read must not stall the writer: skip it, loudly
                log.error("skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        VersionedBulkWriter.write(mongo.aggregates(), aggregates)
                .then(VersionedBulkWriter.write(mongo.experiments(), experiments))
                .block(properties.writer().writeTimeout());
    }

    private void collect(
            ConsumerRecord<String, byte[]> record,
            Map<String, Document> aggregates,
            Map<String, Document> experiments,
            Instant now) {
        if (record.topic().equals(properties.topics().aggregates())) {
            var message = json.readValue(record.value(), AggregateMessage.class);
            newest(aggregates, record.key(), AggregateDocuments.aggregate(record.key(), message));
            lag.record(Duration.between(message.lastEventAt(), now));
        } else if (record.value() == null) {
            experiments.put(record.key(), null);
        } else {
            // published at least once per change, possibly out of order: the highest version wins
            ExperimentJson.parse(json.readTree(record.value()))
                    .map(AggregateDocuments::experiment)
                    .ifPresent(doc -> newest(experiments, record.key(), doc));
        }
    }

    private static void newest(Map<String, Document> batch, String id, Document doc) {
        Document seen = batch.get(id);
        if (seen == null || seen.getLong("version") <= doc.getLong("version")) batch.put(id, doc);
    }

    private Properties consumerConfig() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, properties.writer().groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.writer().maxPollRecords());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.putAll(properties.writer().consumerOverrides());
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) current.wakeup();
        try {
            if (thread != null) thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

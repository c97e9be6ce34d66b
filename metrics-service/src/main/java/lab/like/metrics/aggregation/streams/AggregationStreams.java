package lab.like.metrics.aggregation.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Runs the aggregation topology with exactly_once_v2 for the lifetime of the application. */
@Component
class AggregationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AggregationStreams.class);

    private final MetricsProperties properties;
    private final AggregationMeters meters;
    private final JsonMapper json;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics streamsMetrics;

    AggregationStreams(MetricsProperties properties, AggregationMeters meters, JsonMapper json) {
        this.properties = properties;
        this.meters = meters;
        this.json = json;
    }

    @Override
    public void start() {
        TopicProvisioner.ensureTopics(properties);
        var rules = new EventRules(new Pseudonymiser(properties.subjectSecret()));
        var topology = AggregationTopology.build(properties, rules, meters, json);
        streams = new KafkaStreams(topology, config());
        streams.setUncaughtExceptionHandler(e -> {
            log.error("aggregation stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = meters.bind(streams);
        streams.start();
    }

    Properties config() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        p.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                properties.commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, properties.cacheMaxBytes());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // keep fetching while the task works through its buffer: with the default of 1,000 buffered records
        // the partition is paused and the thread waits for a fresh fetch a few times per commit interval
        p.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 20_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 4 * 1024 * 1024);
        // a crashed instance's partitions move on after 10 s instead of the default 45 s
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.putAll(properties.streamsOverrides());
        return p;
    }

    KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }

    @Override
    public void stop() {
        KafkaStreams current = streams;
        if (current != null) {
            current.close(Duration.ofSeconds(30));
            streams = null;
        }
        KafkaStreamsMetrics binder = streamsMetrics;
        if (binder != null) {
            binder.close();
            streamsMetrics = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }
}

package lab.like.metrics.aggregation.streams;

import java.time.Duration;
import java.util.Properties;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.stereotype.Component;

/**
 * Configures the aggregation's {@link StreamsBuilderFactoryBean}, which the Spring Cloud Stream Kafka Streams
 * binder creates for {@link AggregationFunction} and starts and stops with the application: exactly_once_v2
 * and the tuning below (merged over the binder's configuration), the global experiments store, a stream thread
 * that fails is replaced, and the running instance's state for health. (The binder binds Kafka Streams' meters
 * itself, through spring-kafka's {@code KafkaStreamsMicrometerListener}; {@code KafkaMeterFilterConfig} keeps
 * the useful ones.)
 */
// the topics exist, with our partition counts and policies, before the binder builds and starts the streams
@DependsOn("topicProvisioner")
@Component
class AggregationStreams implements StreamsBuilderFactoryBeanConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AggregationStreams.class);

    private final MetricsProperties properties;
    private final AggregationMeters meters;
    private volatile KafkaStreams streams;

    AggregationStreams(MetricsProperties properties, AggregationMeters meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factory) {
        Properties merged = new Properties();
        if (factory.getStreamsConfiguration() != null) {
            merged.putAll(factory.getStreamsConfiguration());
        }
        merged.putAll(config());
        factory.setStreamsConfiguration(merged);
        factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
            @Override
            public void configureBuilder(StreamsBuilder builder) {
                AggregationTopology.addExperiments(builder, properties, meters);
            }
        });
        // runs after the binder has set its own handler (shut the client down), right before start
        factory.setKafkaStreamsCustomizer(kafkaStreams -> kafkaStreams.setUncaughtExceptionHandler(e -> {
            log.error("aggregation stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }));
        factory.addListener(new StreamsBuilderFactoryBean.Listener() {
            @Override
            public void streamsAdded(String id, KafkaStreams added) {
                streams = added;
            }

            @Override
            public void streamsRemoved(String id, KafkaStreams removed) {
                streams = null;
            }
        });
        factory.setCloseTimeout((int) Duration.ofSeconds(30).toSeconds());
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
        // a new usage-events.<organisation> topic joins the pattern subscription within 30 s, not 5 minutes
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 30_000);
        p.putAll(properties.streamsOverrides());
        return p;
    }

    KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }
}

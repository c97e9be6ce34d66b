package lab.like.metrics.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.like.metrics.aggregation.UsageTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything metrics-service reads from configuration under {@code likelab.metrics}. Every default is stated once,
 * in application.yml (with the environment variable that overrides it), never here.
 */
@ConfigurationProperties("likelab.metrics")
public record MetricsProperties(
        String bootstrapServers,
        String subjectSecret,
        String stateDir,
        String applicationId,
        Duration emitInterval,
        Duration commitInterval,
        Duration dedupRetention,
        Duration purgeInterval,
        // the purge walks the dedup store in slices of this many keys, one slice a second, between stream records
        int purgeSliceKeys,
        // how long a raw Kafka-path event for an unknown or not running experiment waits for it to catch up
        Duration earlyEventGrace,
        int replicationFactor,
        int streamThreads,
        long cacheMaxBytes,
        Topics topics,
        Writer writer,
        Map<String, String> streamsOverrides,
        KafkaSecurity kafkaSecurity) {

    public MetricsProperties {
        streamsOverrides = streamsOverrides == null ? Map.of() : Map.copyOf(streamsOverrides);
    }

    public static final String DEV_SECRET = "likelab-development-subject-secret";

    /**
     * Topic names (CONTRACTS.md) and partition counts used when metrics-service has to create them. The
     * aggregation reads every topic {@code usagePattern} matches (the internal topic and the organisations'
     * {@code usage-events.<organisation>}); {@code organisations} lists the organisation topics this service
     * creates at start (others may be created by an operator; the pattern picks them up).
     */
    public record Topics(
            String usageEvents,
            String experiments,
            String deadLetter,
            String aggregates,
            int partitions,
            String usagePattern,
            List<String> organisations) {

        public Topics {
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
        }

        public UsageTopics usage() {
            return new UsageTopics(usageEvents, deadLetter);
        }
    }

    /** The consumer that writes aggregate totals and experiment definitions to MongoDB. */
    public record Writer(
            String groupId,
            Duration pollTimeout,
            int maxPollRecords,
            Duration writeTimeout,
            Map<String, String> consumerOverrides) {

        public Writer {
            consumerOverrides = consumerOverrides == null ? Map.of() : Map.copyOf(consumerOverrides);
        }
    }
}

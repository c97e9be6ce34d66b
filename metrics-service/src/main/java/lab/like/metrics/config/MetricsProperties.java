package lab.like.metrics.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.like.metrics.aggregation.UsageTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Everything metrics-service reads from configuration under {@code likelab.metrics}. */
@ConfigurationProperties("likelab.metrics")
public record MetricsProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue(DEV_SECRET) String subjectSecret,
        @DefaultValue("./data/metrics-streams") String stateDir,
        @DefaultValue("likelab-metrics") String applicationId,
        @DefaultValue("300ms") Duration emitInterval,
        @DefaultValue("250ms") Duration commitInterval,
        @DefaultValue("31d") Duration dedupRetention,
        @DefaultValue("1h") Duration purgeInterval,
        // the purge walks the dedup store in slices of this many keys, one slice a second, between stream records
        @DefaultValue("50000") int purgeSliceKeys,
        // how long a raw Kafka-path event for an unknown or not running experiment waits for it to catch up
        @DefaultValue("30s") Duration earlyEventGrace,
        @DefaultValue("-1") int replicationFactor,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("67108864") long cacheMaxBytes,
        @DefaultValue Topics topics,
        @DefaultValue Writer writer,
        Map<String, String> streamsOverrides,
        @DefaultValue KafkaSecurity kafkaSecurity) {

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
            @DefaultValue("usage-events") String usageEvents,
            @DefaultValue("experiments") String experiments,
            @DefaultValue("usage-events.dlt") String deadLetter,
            @DefaultValue("kpi-aggregates") String aggregates,
            @DefaultValue("3") int partitions,
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
            @DefaultValue("likelab-metrics-writer") String groupId,
            @DefaultValue("500ms") Duration pollTimeout,
            @DefaultValue("2000") int maxPollRecords,
            @DefaultValue("30s") Duration writeTimeout,
            Map<String, String> consumerOverrides) {

        public Writer {
            consumerOverrides = consumerOverrides == null ? Map.of() : Map.copyOf(consumerOverrides);
        }
    }
}

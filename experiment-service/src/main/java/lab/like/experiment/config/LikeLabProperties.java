package lab.like.experiment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code likelab.*} settings of experiment-service (defaults in application.yml). */
@ConfigurationProperties("likelab")
public record LikeLabProperties(
        String subjectSecret, Topics topics, Kafka kafka, Outbox outbox, Cache cache, Ingestion ingestion) {

    /** The value shipped for development; the {@code prod} profile refuses to start with it. */
    public static final String DEVELOPMENT_SECRET = "likelab-development-subject-secret";

    public record Topics(
            String experiments,
            String usageEvents,
            int usageEventsPartitions,
            int replicationFactor,
            Duration usageEventsRetention,
            Duration checkInterval) {}

    /** Producer limits: how long a send may wait before the request fails with 503. */
    public record Kafka(
            String bootstrapServers, Duration deliveryTimeout, Duration requestTimeout, Duration maxBlock) {}

    public record Outbox(Duration sweepInterval) {}

    public record Cache(Duration ttl) {}

    public record Ingestion(int maxBatchSize, Duration maxFuture, Duration maxAge, Duration retryAfter) {}
}

package lab.like.metrics.results.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code likelab.metrics.results}: how long a results document is served from memory, and the results stream's
 * heartbeat, lifetime and change-feed interval (defaults in application.yml).
 */
@ConfigurationProperties("likelab.metrics.results")
public record ResultsProperties(Duration cacheTtl, long cacheMaxExperiments, Stream stream) {

    /** The SSE stream: a comment every {@code heartbeat}, ended after {@code lifetime}, re-read every {@code poll}. */
    public record Stream(Duration heartbeat, Duration lifetime, Duration poll) {}
}

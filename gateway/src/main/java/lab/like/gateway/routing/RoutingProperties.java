package lab.like.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services live ({@code likelab.gateway.routing.*}, set through {@code EXPERIMENT_SERVICE_URL} and
 * {@code METRICS_SERVICE_URL}).
 */
@ConfigurationProperties("likelab.gateway.routing")
record RoutingProperties(
        @DefaultValue("http://localhost:8081") URI experimentServiceUrl,
        @DefaultValue("http://localhost:8082") URI metricsServiceUrl) {}

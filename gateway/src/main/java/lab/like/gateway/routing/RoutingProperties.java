package lab.like.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services live ({@code likelab.gateway.routing.*}, set through {@code EXPERIMENT_SERVICE_URL} and
 * {@code METRICS_SERVICE_URL}).
 */
@ConfigurationProperties("likelab.gateway.routing")
record RoutingProperties(URI experimentServiceUrl, URI metricsServiceUrl) {}

package lab.like.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Results, portfolio and cross-city comparisons go to metrics-service; everything else about experiments and
 * events to experiment-service. The metrics route is matched first, so {@code .../results} never falls
 * through to experiment-service. Server-Sent Events stream through unchanged: the gateway flushes
 * {@code text/event-stream} responses as they arrive, and its response timeout bounds only the wait for the
 * response headers. The services' own OpenAPI documents are internal (their paths, ports and identity
 * header): the public one is the gateway's {@code /v3/api-docs} ({@code apidocs/}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String METRICS_SERVICE = "metrics-service";
    static final String EXPERIMENT_SERVICE = "experiment-service";

    @Bean
    RouteLocator likelabRoutes(RouteLocatorBuilder builder, RoutingProperties properties) {
        return builder.routes()
                .route(METRICS_SERVICE, route -> route.order(0)
                        .path(
                                "/api/v1/experiments/*/results",
                                "/api/v1/experiments/*/results/**",
                                "/api/v1/portfolio",
                                "/api/v1/services/**")
                        .uri(properties.metricsServiceUrl()))
                .route(EXPERIMENT_SERVICE, route -> route.order(1)
                        .path("/api/v1/experiments", "/api/v1/experiments/**", "/api/v1/events")
                        .uri(properties.experimentServiceUrl()))
                .build();
    }
}

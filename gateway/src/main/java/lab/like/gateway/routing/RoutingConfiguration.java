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
 * response headers. Each service's OpenAPI document is reachable, without a key, at
 * {@code /v3/api-docs/<service>}, which the gateway's Swagger UI lists.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String METRICS_SERVICE = "metrics-service";
    static final String EXPERIMENT_SERVICE = "experiment-service";
    static final String EXPERIMENT_DOCS = "/v3/api-docs/" + EXPERIMENT_SERVICE;
    static final String METRICS_DOCS = "/v3/api-docs/" + METRICS_SERVICE;

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
                .route(EXPERIMENT_SERVICE + "-docs", route -> route.path(EXPERIMENT_DOCS)
                        .filters(filter -> filter.setPath("/v3/api-docs"))
                        .uri(properties.experimentServiceUrl()))
                .route(METRICS_SERVICE + "-docs", route -> route.path(METRICS_DOCS)
                        .filters(filter -> filter.setPath("/v3/api-docs"))
                        .uri(properties.metricsServiceUrl()))
                .build();
    }
}

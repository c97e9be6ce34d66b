package lab.like.gateway.access;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health}, {@code /liveness} and {@code /readiness} on the public port, status only (API.md):
 * the actuator itself, with details and {@code /actuator/prometheus}, is on the management port.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealth {

    @Bean
    RouterFunction<ServerResponse> publicHealthRoutes(ApplicationAvailability availability) {
        return RouterFunctions.route()
                .GET("/actuator/health", request -> status(live(availability) && ready(availability)))
                .GET("/actuator/health/liveness", request -> status(live(availability)))
                .GET("/actuator/health/readiness", request -> status(ready(availability)))
                .build();
    }

    private static boolean live(ApplicationAvailability availability) {
        return availability.getLivenessState() == LivenessState.CORRECT;
    }

    private static boolean ready(ApplicationAvailability availability) {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    private static Mono<ServerResponse> status(boolean up) {
        return ServerResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", up ? "UP" : "DOWN"));
    }
}

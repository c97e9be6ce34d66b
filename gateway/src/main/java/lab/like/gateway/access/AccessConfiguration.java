package lab.like.gateway.access;

import io.micrometer.core.instrument.MeterRegistry;
import lab.like.gateway.limits.LimitsProperties;
import lab.like.gateway.observability.GatewayMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    ApiKeyRegistry apiKeyRegistry(AccessProperties access, LimitsProperties limits) {
        return new ApiKeyRegistry(access.keys(), limits.ratePerSecond(), limits.burst(), System::nanoTime);
    }

    @Bean
    GatewayMeters gatewayMeters(MeterRegistry registry, AccessPolicy policy) {
        return new GatewayMeters(
                registry, policy.rules().stream().map(AccessRule::name).toList());
    }

    @Bean
    ApiGuardFilter apiGuardFilter(
            ApiKeyRegistry registry, AccessPolicy policy, GatewayMeters meters, LimitsProperties limits) {
        return new ApiGuardFilter(registry, policy, meters, limits.maxBodySize().toBytes(), System::nanoTime);
    }

    @Bean
    IdentityHeadersFilter identityHeadersFilter() {
        return new IdentityHeadersFilter();
    }
}

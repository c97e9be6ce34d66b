package lab.like.gateway.access;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import lab.like.gateway.identity.Caller;
import lab.like.gateway.identity.InternalTokenIssuer;
import lab.like.gateway.identity.InternalTokenProperties;
import lab.like.gateway.identity.OidcAuthenticator;
import lab.like.gateway.identity.OidcProperties;
import lab.like.gateway.limits.LimitsProperties;
import lab.like.gateway.limits.StreamSlots;
import lab.like.gateway.limits.TokenBucket;
import lab.like.gateway.observability.GatewayMeters;
import org.springframework.context.ApplicationContext;
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
        return new ApiKeyRegistry(
                access.keys(), limits.ratePerSecond(), limits.burst(), limits.streamsPerKey(), System::nanoTime);
    }

    @Bean
    Authenticator authenticator(ApiKeyRegistry keys, OidcProperties oidc, LimitsProperties limits) {
        if (!oidc.enabled()) {
            return new Authenticator(keys, null);
        }
        OidcAuthenticator.CallerFactory factory = (name, organisation, roles) -> new Caller(
                name,
                organisation,
                roles,
                new TokenBucket(limits.ratePerSecond(), limits.burst(), System.nanoTime()),
                new StreamSlots(limits.streamsPerKey()));
        return new Authenticator(keys, new OidcAuthenticator(oidc, factory));
    }

    @Bean
    GatewayMeters gatewayMeters(MeterRegistry registry, AccessPolicy policy) {
        return new GatewayMeters(
                registry, policy.rules().stream().map(AccessRule::name).toList());
    }

    @Bean
    ApiGuardFilter apiGuardFilter(
            ApplicationContext context,
            Authenticator authenticator,
            AccessPolicy policy,
            GatewayMeters meters,
            LimitsProperties limits) {
        AnonymousBuckets anonymous =
                new AnonymousBuckets(limits.anonymousRatePerSecond(), limits.anonymousBurst(), System::nanoTime);
        return new ApiGuardFilter(
                context,
                authenticator,
                anonymous,
                policy,
                meters,
                limits.maxBodySize().toBytes(),
                System::nanoTime);
    }

    @Bean
    CorsFilter corsFilter(CorsProperties cors) {
        return new CorsFilter(cors);
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    /** The wall clock of the internal tokens' {@code iat}/{@code exp} (tests replace it). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    InternalTokenIssuer internalTokenIssuer(InternalTokenProperties properties, Clock clock) {
        return new InternalTokenIssuer(properties, clock);
    }

    @Bean
    IdentityHeadersFilter identityHeadersFilter(InternalTokenIssuer issuer) {
        return new IdentityHeadersFilter(issuer);
    }
}

package lab.like.metrics.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.codec.ServerCodecConfigurer;

/** The internal-token check on every API request. */
@Configuration(proxyBeanMethods = false)
class IdentityConfig {

    @Bean
    InternalTokenVerifier internalTokenVerifier(InternalTokenProperties properties, Environment environment) {
        properties.check(environment.acceptsProfiles(Profiles.of("prod")));
        return new InternalTokenVerifier(properties);
    }

    @Bean
    IdentityFilter identityFilter(InternalTokenVerifier verifier, ServerCodecConfigurer codecs) {
        return new IdentityFilter(verifier, codecs);
    }
}

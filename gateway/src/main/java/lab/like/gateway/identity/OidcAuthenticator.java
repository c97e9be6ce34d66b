package lab.like.gateway.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Turns an OIDC access token into a {@link Caller} with Spring Security's resource-server decoder: signature
 * against the issuer's JWKS, {@code iss}, {@code exp}/{@code nbf}, the audience when configured, and the
 * organisation and roles claims (a token without them, or with no known role, is refused). Callers are kept
 * per subject so that each has its own rate bucket and stream slots.
 */
public final class OidcAuthenticator {

    static final int MAX_SUBJECTS = 100_000;

    private final ReactiveJwtDecoder decoder;
    private final OidcProperties properties;
    private final CallerFactory factory;
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    public OidcAuthenticator(OidcProperties properties, CallerFactory factory) {
        NimbusReactiveJwtDecoder nimbus =
                NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        nimbus.setJwtValidator(validator(properties));
        this.decoder = nimbus;
        this.properties = properties;
        this.factory = factory;
    }

    /** Builds the callers of OIDC subjects, with their rate buckets and stream slots. */
    public interface CallerFactory {
        Caller create(String name, String organisation, Set<Role> roles);
    }

    static OAuth2TokenValidator<Jwt> validator(OidcProperties properties) {
        OAuth2TokenValidator<Jwt> standard = JwtValidators.createDefaultWithIssuer(properties.issuerUri());
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<Object>(
                        properties.organisationClaim(), org -> org instanceof String s && !s.isBlank()),
                new JwtClaimValidator<Object>(properties.rolesClaim(), roles -> roles instanceof List<?>));
        String audience = properties.audience();
        if (audience == null || audience.isBlank()) {
            return new DelegatingOAuth2TokenValidator<>(standard, claims);
        }
        return new DelegatingOAuth2TokenValidator<>(
                standard,
                claims,
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }

    /** The caller of a valid token, or empty when the token is invalid or carries no known role. */
    public Mono<Caller> authenticate(String token) {
        return decoder.decode(token)
                .flatMap(jwt -> Mono.justOrEmpty(caller(jwt)))
                // an invalid token is an answer (401), not a failure
                .onErrorResume(JwtException.class, invalid -> Mono.empty());
    }

    private Caller caller(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : jwt.getClaimAsStringList(properties.rolesClaim())) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            return null;
        }
        String organisation = jwt.getClaimAsString(properties.organisationClaim());
        String key = jwt.getSubject() + "\n" + organisation + "\n" + roles;
        if (callers.size() >= MAX_SUBJECTS) {
            callers.clear();
        }
        return callers.computeIfAbsent(key, k -> factory.create(jwt.getSubject(), organisation, roles));
    }
}

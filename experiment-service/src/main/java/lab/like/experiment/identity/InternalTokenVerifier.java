package lab.like.experiment.identity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies the gateway's internal token (HS256, issuer, audience, expiry, CONTRACTS.md "Internal identity") and
 * turns it into the {@link Caller}. A missing, forged, expired or incomplete token is an empty result.
 */
final class InternalTokenVerifier {

    static final String ORGANISATION = "org";
    static final String ROLES = "roles";

    private final NimbusReactiveJwtDecoder decoder;

    InternalTokenVerifier(InternalTokenProperties properties) {
        var key = new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<String>(ORGANISATION, org -> org != null && !org.isBlank()),
                new JwtClaimValidator<Object>(ROLES, roles -> roles instanceof List<?>)));
    }

    /** The caller of a bearer token, or empty when the token is not a valid internal token. */
    Mono<Caller> verify(String token) {
        // an invalid token is an answer (401), not a failure: only the decoder's own verdict is mapped to empty
        return decoder.decode(token)
                .map(InternalTokenVerifier::caller)
                .onErrorResume(JwtException.class, invalid -> Mono.empty());
    }

    private static Caller caller(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>(jwt.getClaimAsStringList(ROLES));
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(ORGANISATION), roles);
    }
}

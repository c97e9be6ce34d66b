package lab.like.metrics.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Internal tokens as the gateway signs them (CONTRACTS.md "Internal identity"), for calling the service directly. */
final class InternalTokens {

    static final String DEVELOPMENT_KEY = "likelab-development-internal-signing-key";
    static final String AUDIENCE = "metrics-service";

    private InternalTokens() {}

    /** A reader of {@code organisation}'s results: ANALYST, or ADMIN for {@code *}. */
    static String caller(String organisation) {
        return bearer(organisation, List.of(organisation.equals("*") ? "ADMIN" : "ANALYST"));
    }

    /** A valid token of the development key for a caller named {@code <organisation>-caller}. */
    static String bearer(String organisation, List<String> roles) {
        return "Bearer "
                + token(
                        DEVELOPMENT_KEY,
                        "likelab-gateway",
                        AUDIENCE,
                        organisation + "-caller",
                        organisation,
                        roles,
                        Instant.now().plusSeconds(60));
    }

    static String token(
            String key,
            String issuer,
            String audience,
            String subject,
            String organisation,
            List<String> roles,
            Instant expiresAt) {
        var encoder = NimbusJwtEncoder.withSecretKey(
                        new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256)
                .build();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .issuedAt(expiresAt.minus(Duration.ofSeconds(60)))
                .expiresAt(expiresAt);
        if (subject != null) {
            claims.subject(subject);
        }
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        if (roles != null) {
            claims.claim("roles", roles);
        }
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}

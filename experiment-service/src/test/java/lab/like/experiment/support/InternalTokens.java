package lab.like.experiment.support;

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
public final class InternalTokens {

    public static final String DEVELOPMENT_KEY = "likelab-development-internal-signing-key";
    public static final String AUDIENCE = "experiment-service";

    private InternalTokens() {}

    /** A valid token of the development key for a caller named {@code <organisation>-caller}. */
    public static String bearer(String organisation, List<String> roles) {
        return bearer(organisation + "-caller", organisation, roles);
    }

    /** A valid token of the development key for the caller {@code name}. */
    public static String bearer(String name, String organisation, List<String> roles) {
        return "Bearer "
                + token(
                        DEVELOPMENT_KEY,
                        "likelab-gateway",
                        AUDIENCE,
                        name,
                        organisation,
                        roles,
                        Instant.now().plusSeconds(60));
    }

    public static String token(
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

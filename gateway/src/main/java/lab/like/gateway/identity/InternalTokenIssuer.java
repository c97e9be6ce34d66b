package lab.like.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import lab.like.gateway.access.Caller;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs the internal token of one forwarded request (CONTRACTS.md "Internal identity"): HS256, {@code iss}
 * {@code likelab-gateway}, {@code aud} the service, {@code sub} the caller's name, {@code org}, {@code roles},
 * {@code exp} = issued + lifetime.
 */
public final class InternalTokenIssuer {

    static final String ORGANISATION = "org";
    static final String ROLES = "roles";
    private static final JwsHeader HEADER =
            JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();

    private final JwtEncoder encoder;
    private final InternalTokenProperties properties;
    private final Clock clock;

    public InternalTokenIssuer(InternalTokenProperties properties, Clock clock) {
        var key = new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key)
                .algorithm(MacAlgorithm.HS256)
                .build();
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(Caller caller, String audience) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(audience))
                .subject(caller.name())
                .issuedAt(now)
                .expiresAt(now.plus(properties.lifetime()))
                .claim(ORGANISATION, caller.organisation())
                .claim(ROLES, caller.roleNames())
                .build();
        return encoder.encode(JwtEncoderParameters.from(HEADER, claims)).getTokenValue();
    }
}

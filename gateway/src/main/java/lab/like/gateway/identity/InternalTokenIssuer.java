package lab.like.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Signs the internal token of one forwarded request (CONTRACTS.md "Internal identity"): HS256, {@code iss}
 * {@code likelab-gateway}, {@code aud} the service, {@code sub} the caller's name, {@code org}, {@code roles},
 * {@code exp} = issued + lifetime. Nimbus JOSE + JWT directly, with one thread-safe signer: an HMAC over a few
 * hundred bytes per request.
 */
public final class InternalTokenIssuer {

    static final String ORGANISATION = "org";
    static final String ROLES = "roles";
    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    private final MACSigner signer;
    private final InternalTokenProperties properties;
    private final Clock clock;

    public InternalTokenIssuer(InternalTokenProperties properties, Clock clock) {
        try {
            this.signer = new MACSigner(properties.signingKey().getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the internal signing key is not a valid HS256 key", e);
        }
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(Caller caller, String audience) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(audience)
                .subject(caller.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.lifetime())))
                .claim(ORGANISATION, caller.organisation())
                .claim(ROLES, caller.roleNames())
                .build();
        SignedJWT jwt = new SignedJWT(HEADER, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }
}

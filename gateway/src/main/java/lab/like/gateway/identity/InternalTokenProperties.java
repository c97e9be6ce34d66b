package lab.like.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The internal token the gateway signs for every forwarded request ({@code likelab.internal-token.*}).
 *
 * @param signingKey HS256 key shared with the services ({@code LIKELAB_INTERNAL_SIGNING_KEY}), at least 32 bytes
 * @param issuer the {@code iss} claim
 * @param lifetime {@code exp} minus {@code iat}
 * @param rejectDevelopmentKey true in the {@code prod} profile: refuse to start with the development key
 */
@ConfigurationProperties("likelab.internal-token")
public record InternalTokenProperties(
        String signingKey, String issuer, Duration lifetime, boolean rejectDevelopmentKey) {

    static final String DEVELOPMENT_KEY = "likelab-development-internal-signing-key";

    public InternalTokenProperties {
        if (signingKey == null || signingKey.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(
                    "likelab.internal-token.signing-key (LIKELAB_INTERNAL_SIGNING_KEY) needs at least 32 bytes");
        }
        if (rejectDevelopmentKey && DEVELOPMENT_KEY.equals(signingKey)) {
            throw new IllegalArgumentException("the prod profile refuses the development internal signing key: "
                    + "set LIKELAB_INTERNAL_SIGNING_KEY to a random value of at least 32 bytes");
        }
        if (issuer == null || issuer.isBlank() || lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("likelab.internal-token.issuer and a positive lifetime are required");
        }
    }
}

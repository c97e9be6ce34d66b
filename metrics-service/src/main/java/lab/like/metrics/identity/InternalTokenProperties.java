package lab.like.metrics.identity;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's internal token as this service accepts it ({@code likelab.internal-token.*}).
 *
 * @param signingKey the shared HS256 key ({@code LIKELAB_INTERNAL_SIGNING_KEY}), at least 32 bytes
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must contain: this service's name
 */
@ConfigurationProperties("likelab.internal-token")
record InternalTokenProperties(String signingKey, String issuer, String audience) {

    static final String DEVELOPMENT_KEY = "likelab-development-internal-signing-key";
    static final int MIN_KEY_BYTES = 32;

    InternalTokenProperties {
        if (signingKey == null || signingKey.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "likelab.internal-token.signing-key (LIKELAB_INTERNAL_SIGNING_KEY) needs at least 32 bytes");
        }
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("likelab.internal-token.issuer and .audience must be set");
        }
    }

    /** The prod profile refuses the development key. */
    void check(boolean production) {
        if (production && DEVELOPMENT_KEY.equals(signingKey)) {
            throw new IllegalStateException("the prod profile refuses the development internal signing key: set "
                    + "LIKELAB_INTERNAL_SIGNING_KEY to the gateway's random key of at least 32 bytes");
        }
    }
}

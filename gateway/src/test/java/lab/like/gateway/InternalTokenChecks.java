package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Verifies an internal token the way the services do, with the development key of application.yml. */
final class InternalTokenChecks {

    static final String DEVELOPMENT_KEY = "likelab-development-internal-signing-key";

    private InternalTokenChecks() {}

    /** The one {@code Authorization: Bearer} value a service received, verified (signature, expiry). */
    static Jwt decode(List<String> authorization) {
        assertThat(authorization).hasSize(1);
        assertThat(authorization.get(0)).startsWith("Bearer ");
        var decoder = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        return decoder.decode(authorization.get(0).substring("Bearer ".length()));
    }
}

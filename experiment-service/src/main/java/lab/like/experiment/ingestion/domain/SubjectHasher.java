package lab.like.experiment.ingestion.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymisation (CONTRACTS.md): base64url without padding of the first 16 bytes of HmacSHA256(secret,
 * subjectId), 22 characters. The raw subject id never leaves the service.
 */
public final class SubjectHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public SubjectHasher(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String hash(String subjectId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

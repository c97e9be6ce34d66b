package lab.like.metrics.aggregation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CONTRACTS.md: base64url-without-padding of the first 16 bytes of HmacSHA256(secret, subjectId). A subject's
 * events usually come close together, so each thread remembers its recent hashes in a small direct-mapped
 * table (a slot holds the last subject whose id hashed there).
 */
public final class Pseudonymiser {

    private static final int SLOTS = 1 << 14;

    private final ThreadLocal<Mac> mac;
    private final ThreadLocal<String[][]> recent =
            ThreadLocal.withInitial(() -> new String[][] {new String[SLOTS], new String[SLOTS]});

    public Pseudonymiser(String secret) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                var m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    public String hash(String subjectId) {
        String[][] table = recent.get();
        int slot = (subjectId.hashCode() * 0x9E3779B9) >>> 18;
        if (subjectId.equals(table[0][slot])) return table[1][slot];
        String hash = compute(subjectId);
        table[0][slot] = subjectId;
        table[1][slot] = hash;
        return hash;
    }

    private String compute(String subjectId) {
        byte[] full = mac.get().doFinal(subjectId.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
    }
}

package lab.like.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of API keys: how keys are configured ({@code sha256}) and looked up. */
final class KeyDigests {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyDigests::newDigest);

    private KeyDigests() {}

    static byte[] digest(String key) {
        return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

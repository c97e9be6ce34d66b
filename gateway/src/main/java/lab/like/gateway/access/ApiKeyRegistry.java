package lab.like.gateway.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import lab.like.gateway.limits.TokenBucket;

/**
 * Finds the caller of a bearer key. Keys are held only as SHA-256 digests and looked up by digest, so the
 * comparison never walks the secret byte by byte (no timing side channel) and the raw keys are not kept here.
 */
public final class ApiKeyRegistry {

    private static final String BEARER = "Bearer ";
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ApiKeyRegistry::newDigest);

    private final Map<ByteBuffer, Caller> callers = new HashMap<>();

    public ApiKeyRegistry(
            List<AccessProperties.KeyEntry> keys, double permitsPerSecond, int burst, LongSupplier nanoClock) {
        for (AccessProperties.KeyEntry entry : keys) {
            TokenBucket bucket = new TokenBucket(permitsPerSecond, burst, nanoClock.getAsLong());
            Caller caller = Caller.of(entry.name(), entry.organisation(), EnumSet.copyOf(entry.roles()), bucket);
            callers.put(digest(entry.key()), caller);
        }
    }

    /** The caller for an {@code Authorization} header value, or {@code null} when missing or unknown. */
    public Caller authenticate(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String key = authorization.substring(BEARER.length()).trim();
        return key.isEmpty() ? null : callers.get(digest(key));
    }

    public int size() {
        return callers.size();
    }

    private static ByteBuffer digest(String key) {
        return ByteBuffer.wrap(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package lab.like.gateway.access;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import lab.like.gateway.identity.Caller;
import lab.like.gateway.limits.StreamSlots;
import lab.like.gateway.limits.TokenBucket;

/**
 * Finds the caller of a bearer key. Keys are held only as SHA-256 digests (configured as {@code sha256} in
 * production) and looked up by digest, so the comparison never walks the secret byte by byte (no timing side
 * channel) and the raw keys are not kept here.
 */
public final class ApiKeyRegistry {

    private final Map<ByteBuffer, Caller> callers = new HashMap<>();

    public ApiKeyRegistry(
            List<AccessProperties.KeyEntry> keys,
            double permitsPerSecond,
            int burst,
            int streamsPerKey,
            LongSupplier nanoClock) {
        for (AccessProperties.KeyEntry entry : keys) {
            TokenBucket bucket = new TokenBucket(permitsPerSecond, burst, nanoClock.getAsLong());
            Caller caller = new Caller(
                    entry.name(),
                    entry.organisation(),
                    EnumSet.copyOf(entry.roles()),
                    bucket,
                    new StreamSlots(streamsPerKey));
            callers.put(ByteBuffer.wrap(entry.digest()), caller);
        }
    }

    /** The caller of a bearer credential, or {@code null} when it is no configured key. */
    public Caller authenticate(String credential) {
        return credential == null ? null : callers.get(ByteBuffer.wrap(KeyDigests.digest(credential)));
    }

    public int size() {
        return callers.size();
    }
}

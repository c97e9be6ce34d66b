package lab.like.gateway.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import lab.like.gateway.limits.TokenBucket;

/**
 * Rate buckets of requests that carry no valid credential, per client address: refused requests (401) count
 * against a limit too, so guessing keys is as slow as using one. Bounded: past {@link #MAX_ADDRESSES} the map
 * starts over (every address gets a full bucket again, which only ever loosens the limit).
 */
final class AnonymousBuckets {

    static final int MAX_ADDRESSES = 50_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double permitsPerSecond;
    private final int burst;
    private final LongSupplier nanoClock;

    AnonymousBuckets(double permitsPerSecond, int burst, LongSupplier nanoClock) {
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** 0 when the address may make one more request now, else the nanoseconds to wait. */
    long tryAcquire(String address) {
        if (buckets.size() >= MAX_ADDRESSES) {
            buckets.clear();
        }
        long now = nanoClock.getAsLong();
        return buckets.computeIfAbsent(address, a -> new TokenBucket(permitsPerSecond, burst, now))
                .tryAcquire(now);
    }
}

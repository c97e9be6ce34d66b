package lab.like.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free token bucket in its "generic cell rate" form: one atomic theoretical arrival time instead of a
 * token count and a refill timestamp, so a permit costs one compare-and-set and no allocation.
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final long toleranceNanos;
    private final AtomicLong theoreticalArrival;

    /**
     * @param permitsPerSecond sustained rate
     * @param burst permits available at once to a key that has been idle
     * @param nowNanos the current reading of the clock later passed to {@link #tryAcquire}
     */
    public TokenBucket(double permitsPerSecond, int burst, long nowNanos) {
        if (!(permitsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.intervalNanos = Math.max(1L, (long) (1_000_000_000d / permitsPerSecond));
        this.toleranceNanos = Math.multiplyExact(intervalNanos, (long) burst - 1);
        this.theoreticalArrival = new AtomicLong(nowNanos);
    }

    /** Takes one permit; returns 0 when granted, otherwise the nanoseconds until one will be available. */
    public long tryAcquire(long nowNanos) {
        while (true) {
            long current = theoreticalArrival.get();
            long base = current - nowNanos > 0 ? current : nowNanos;
            long waitNanos = base - toleranceNanos - nowNanos;
            if (waitNanos > 0) {
                return waitNanos;
            }
            if (theoreticalArrival.compareAndSet(current, base + intervalNanos)) {
                return 0;
            }
        }
    }

    /** Whole seconds a client should wait, for {@code Retry-After}: never below 1. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1L, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}

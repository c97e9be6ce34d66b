package lab.like.gateway.limits;

import java.util.concurrent.atomic.AtomicInteger;

/** How many event streams (SSE) one caller holds open at once, capped: a stream takes a slot, leaving frees it. */
public final class StreamSlots {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    public StreamSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one stream per caller");
        }
        this.max = max;
    }

    /** Takes a slot; false (and nothing taken) when all are in use. */
    public boolean tryAcquire() {
        while (true) {
            int current = open.get();
            if (current >= max) {
                return false;
            }
            if (open.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release() {
        open.decrementAndGet();
    }

    public int open() {
        return open.get();
    }
}

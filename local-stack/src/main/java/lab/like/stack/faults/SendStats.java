package lab.like.stack.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the generator sent and resent, and why it resent: printed with the table. */
final class SendStats {

    final LongAdder httpEvents = new LongAdder();
    final LongAdder httpRequests = new LongAdder();
    final LongAdder kafkaRecords = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final AtomicLong rejected = new AtomicLong();
    private final Map<String, LongAdder> resends = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();

    void resent(String reason) {
        resends.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void rejected(String reason) {
        rejected.incrementAndGet();
        rejections.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    Map<String, Long> resends() {
        Map<String, Long> copy = new TreeMap<>();
        resends.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    Map<String, Long> rejections() {
        Map<String, Long> copy = new TreeMap<>();
        rejections.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}

package lab.like.metrics.aggregation.streams;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.like.metrics.aggregation.Aggregate;
import lab.like.metrics.aggregation.AggregateCodec;
import lab.like.metrics.aggregation.AggregateKey;
import lab.like.metrics.aggregation.CountableEvent;
import lab.like.metrics.aggregation.SubjectFlags;
import lab.like.metrics.aggregation.SubjectState;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Exactly-once counting over the task's state stores: a dedup entry per experimentId + eventId, one
 * subject-state value per subject and variant (flags overall and per day) for the distinct counts, totals per
 * aggregate key, and a dirty mark per changed aggregate key until its totals have been emitted.
 */
final class EventCounter {

    private static final byte[] MARK = new byte[0];
    private static final int LIVE_AGGREGATES = 10_000;
    private static final int KEPT_DAYS = 32;

    private final KeyValueStore<String, Long> dedup;
    private final KeyValueStore<String, byte[]> subjectFlags;
    private final KeyValueStore<String, byte[]> aggregates;
    private final KeyValueStore<String, byte[]> dirty;
    // Keys this processor instance has marked dirty since their last emission (same lifetime as `live`).
    private final Set<String> markedDirty = new HashSet<>();
    // Write-through copy of recently used aggregates, so a hot aggregate is not decoded for every event. It
    // always equals what this task last wrote to the store; it is dropped whenever the processor is
    // (re)initialised or closed, which is when Kafka Streams may roll the store back underneath it.
    private final Map<String, Aggregate> live = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Aggregate> eldest) {
            return size() > LIVE_AGGREGATES;
        }
    };

    EventCounter(
            KeyValueStore<String, Long> dedup,
            KeyValueStore<String, byte[]> subjectFlags,
            KeyValueStore<String, byte[]> aggregates,
            KeyValueStore<String, byte[]> dirty) {
        this.dedup = dedup;
        this.subjectFlags = subjectFlags;
        this.aggregates = aggregates;
        this.dirty = dirty;
    }

    /** Counts the event unless its experimentId + eventId was seen before; true when counted. */
    boolean count(CountableEvent event, long recordTimestamp, long now) {
        // the distinguishing part first: keys compare faster in RocksDB than behind a long shared prefix
        String dedupKey = event.eventId() + '\n' + event.experimentId();
        if (dedup.get(dedupKey) != null) return false;
        dedup.put(dedupKey, now);
        int eventFlags = SubjectFlags.of(event.type());
        LocalDate day = event.day();
        int epochDay = (int) day.toEpochDay();
        String subject = event.subjectHash() + '|' + event.experimentId() + '|' + event.variant();
        byte[] state = subjectFlags.get(subject);
        int totalBefore = SubjectState.total(state);
        int dayBefore = SubjectState.day(state, epochDay);
        int newTotal = SubjectFlags.newlySet(totalBefore, eventFlags);
        int newDay = SubjectFlags.newlySet(dayBefore, eventFlags);
        if (newTotal != 0 || newDay != 0) {
            // per-day flags older than any valid event (30 days before its record timestamp) are dropped
            int oldestDay = (int) (Math.floorDiv(recordTimestamp, 86_400_000L) - KEPT_DAYS);
            subjectFlags.put(
                    subject,
                    SubjectState.with(state, totalBefore | eventFlags, epochDay, dayBefore | eventFlags, oldestDay));
        }
        add(AggregateKey.total(event.experimentId(), event.variant()), event, newTotal, recordTimestamp);
        add(new AggregateKey(event.experimentId(), event.variant(), day.toString()), event, newDay, recordTimestamp);
        return true;
    }

    private void add(AggregateKey key, CountableEvent event, int newFlags, long recordTimestamp) {
        String id = key.asString();
        Aggregate aggregate = live.get(id);
        if (aggregate == null) {
            byte[] stored = aggregates.get(id);
            aggregate = stored == null ? Aggregate.empty() : AggregateCodec.decode(stored);
            live.put(id, aggregate);
        }
        aggregate.count(event, newFlags, recordTimestamp);
        aggregates.put(id, AggregateCodec.encode(aggregate));
        if (markedDirty.add(id)) dirty.put(id, MARK);
    }

    /** Aggregate keys changed since the last emission. */
    List<String> dirtyKeys() {
        List<String> keys = new ArrayList<>();
        try (var all = dirty.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    Aggregate aggregate(String key) {
        Aggregate cached = live.get(key);
        if (cached != null) return cached;
        byte[] stored = aggregates.get(key);
        return stored == null ? Aggregate.empty() : AggregateCodec.decode(stored);
    }

    void forgetLive() {
        live.clear();
        markedDirty.clear();
    }

    void clean(String key) {
        dirty.delete(key);
        markedDirty.remove(key);
    }

    /**
     * Forgets event ids first seen longer ago than the retention (per-day subject flags prune themselves when
     * a subject's value is rewritten).
     */
    void purge(long now, Duration retention) {
        long cutoff = now - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (var all = dedup.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value < cutoff) expired.add(kv.key);
            });
        }
        expired.forEach(dedup::delete);
    }
}

package lab.like.metrics.aggregation.streams;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lab.like.metrics.aggregation.Aggregate;
import lab.like.metrics.aggregation.AggregateKey;
import lab.like.metrics.aggregation.CountableEvent;
import lab.like.metrics.aggregation.SubjectFlags;
import lab.like.metrics.aggregation.SubjectState;

/**
 * Exactly-once counting over the task's state stores: a dedup entry per experimentId + eventId, one
 * subject-state value per subject and variant (flags overall and per day) for the distinct counts, totals per
 * aggregate key, and a dirty mark per changed aggregate key until its totals have been emitted. All four are
 * {@link WriteBackBuffer}s: per event only hash-map work, plus a RocksDB read when a key is not pending.
 */
final class EventCounter {

    private static final byte[] MARK = new byte[0];
    private static final int KEPT_DAYS = 32;
    private static final long DAY_MS = 86_400_000L;

    private final WriteBackBuffer<byte[], byte[]> dedup;
    // the dedup value: the UTC day an event id was first seen, one shared array per day
    private int firstSeenDay = Integer.MIN_VALUE;
    private byte[] firstSeenValue;
    private final WriteBackBuffer<byte[], byte[]> subjectFlags;
    private final WriteBackBuffer<Aggregate, byte[]> aggregates;
    private final WriteBackBuffer<byte[], byte[]> dirty;

    EventCounter(
            WriteBackBuffer<byte[], byte[]> dedup,
            WriteBackBuffer<byte[], byte[]> subjectFlags,
            WriteBackBuffer<Aggregate, byte[]> aggregates,
            WriteBackBuffer<byte[], byte[]> dirty) {
        this.dedup = dedup;
        this.subjectFlags = subjectFlags;
        this.aggregates = aggregates;
        this.dirty = dirty;
        // a new counter means the task (re)started processing: its stores may hold keys the filters never saw
        dedup.forgetKeys();
        subjectFlags.forgetKeys();
    }

    /** Counts the event unless its experimentId + eventId was seen before; true when counted. */
    boolean count(CountableEvent event, long recordTimestamp, long now) {
        // the distinguishing part first: keys compare faster in RocksDB than behind a long shared prefix
        String dedupKey = event.eventId() + '\n' + event.experimentId();
        if (!dedup.putIfAbsent(dedupKey, firstSeen(now))) return false;
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
        Aggregate aggregate = aggregates.get(id);
        if (aggregate == null) aggregate = Aggregate.empty();
        aggregate.count(event, newFlags, recordTimestamp);
        // the working object is encoded once per commit, however many events changed it
        aggregates.put(id, aggregate);
        dirty.put(id, MARK);
    }

    /** Aggregate keys changed since the last emission. */
    List<String> dirtyKeys() {
        List<String> keys = new ArrayList<>();
        dirty.forEach((key, mark) -> keys.add(key));
        return keys;
    }

    Aggregate aggregate(String key) {
        Aggregate aggregate = aggregates.get(key);
        return aggregate == null ? Aggregate.empty() : aggregate;
    }

    void clean(String key) {
        dirty.delete(key);
    }

    /**
     * One slice of a pass that forgets event ids first seen longer ago than the retention (per-day subject flags
     * prune themselves when a subject's value is rewritten).
     */
    PurgePass.Slice purgeSlice(long now, Duration retention, int keys) {
        long cutoff = now - retention.toMillis();
        return dedup.retainSlice((key, firstSeen) -> firstSeenMillis(firstSeen) >= cutoff, keys);
    }

    boolean purging() {
        return dedup.purging();
    }

    private byte[] firstSeen(long now) {
        int day = (int) Math.floorDiv(now, DAY_MS);
        if (day != firstSeenDay) {
            firstSeenDay = day;
            firstSeenValue = ByteBuffer.allocate(Integer.BYTES).putInt(day).array();
        }
        return firstSeenValue;
    }

    /**
     * When an event id was first seen: the start of the UTC day in the current four-byte format (so a purge
     * keeps an id up to a day longer than the retention), or the exact time in the earlier eight-byte format.
     */
    static long firstSeenMillis(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return value.length == Long.BYTES ? buffer.getLong() : buffer.getInt() * DAY_MS;
    }
}

package lab.like.metrics.aggregation.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key-value store that keeps the writes of the current commit interval in a hash map and hands them to the
 * wrapped store (RocksDB with a changelog) as one batch when Kafka Streams flushes store caches, which it does
 * in every commit before the producer flush and the transaction commit. So every commit still contains every
 * write, as with Kafka Streams' own record cache, but a write costs a hash-map put instead of serialisation, a
 * JNI call and a changelog record, and several writes to one key in an interval become one.
 *
 * <p>Values are held in their working form {@code T} (for example a mutable aggregate) and encoded to the
 * stored form {@code V} only when written back. Pending writes are dropped when the store is closed or its
 * cache cleared: Kafka Streams does that only before it discards or restores the task's state, and a clean
 * close always commits (and so writes back) first.
 *
 * <p>A store built {@code filtered} also keeps a {@link KeyFilter} over its keys, so a lookup of a key that was
 * never written (every new event id, every new subject) costs a few hash probes instead of a RocksDB miss. The
 * filter is built by scanning the store at the first lookup after (re)initialisation, when restoration is
 * complete, grows by adding layers, and is rebuilt by each pass of {@link #retainSlice}, which drops the keys
 * it removes.
 *
 * <p><b>Why hand-made, on an internal class.</b> The write-back has to happen inside the commit's transaction,
 * and the only hook Kafka Streams calls there is {@code flushCache()} of its internal {@code CachedStateStore}
 * (through {@link WrappedStateStore}); the public {@code StateStore.flush()} runs after the transaction commits,
 * too late for exactly-once. The public alternatives were measured (issue 9, {@code AggregationBenchmark} back to
 * back on a quiet machine): the stock record cache in front of the same stores counted 29,168 events/s end to
 * end against 89,135 with this store; a plain put per event into the changelogged store is the "EOS + 1 write"
 * reference of {@code BENCHMARKS.md}. The ordering it relies on is pinned by {@code RestartAndCrashTest}: a
 * successor that restores from the changelog after a SIGKILL, or from an empty state directory, counts every
 * event exactly once only if each commit's transaction held every write of its interval. Recheck both on every
 * Kafka upgrade.
 */
final class WriteBackStore<T, V> extends WrappedStateStore<KeyValueStore<String, V>, String, V> {

    private static final Logger log = LoggerFactory.getLogger(WriteBackStore.class);
    private static final Comparator<KeyValue<String, ?>> BY_KEY = (a, b) -> a.key.compareTo(b.key);

    private final Function<T, V> encode;
    private final Function<V, T> decode;
    // key -> working value, or DELETED for a pending delete
    private final Map<String, Object> pending = new HashMap<>(8192);
    private static final Object DELETED = new Object();
    private final boolean filtered;
    private KeyFilter filter;
    private PurgePass pass;

    WriteBackStore(KeyValueStore<String, V> wrapped, Function<T, V> encode, Function<V, T> decode, boolean filtered) {
        super(wrapped);
        this.encode = encode;
        this.decode = decode;
        this.filtered = filtered;
    }

    /** A store holding its values as they are stored. */
    static <V> StoreBuilder<WriteBackStore<V, V>> builder(
            StoreBuilder<KeyValueStore<String, V>> inner, boolean filtered) {
        return new Builder<>(inner, Function.identity(), Function.identity(), filtered);
    }

    static <T, V> StoreBuilder<WriteBackStore<T, V>> builder(
            StoreBuilder<KeyValueStore<String, V>> inner, Function<T, V> encode, Function<V, T> decode) {
        return new Builder<>(inner, encode, decode, false);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        pending.clear();
        filter = null;
        pass = null;
        super.init(context, root);
    }

    /**
     * Forgets the key filter, to be rebuilt from the store at the next lookup. Called whenever a task starts
     * processing, because the store may have gained keys from outside (restoration, a standby's updates).
     */
    void resetFilter() {
        filter = null;
        pass = null;
    }

    /** The value, pending or stored; null when absent. A working value read here may be changed in place. */
    T get(String key) {
        Object value = pending.get(key);
        if (value != null) return value == DELETED ? null : cast(value);
        if (filtered && !filter().mightContain(key)) return null;
        V stored = wrapped().get(key);
        return stored == null ? null : decode.apply(stored);
    }

    /**
     * Stores the value unless the key is present (pending or stored); true when stored. One hash-map operation
     * when the key is new and the filter rules it out, as it does for nearly every new event id.
     */
    boolean putIfAbsent(String key, T value) {
        // the filter first: building it writes the pending values back, which must not include this one yet
        KeyFilter keys = filtered ? filter() : null;
        Object before = pending.putIfAbsent(key, value);
        if (before != null) {
            if (before != DELETED) return false;
            pending.put(key, value);
        } else if (keys == null || keys.mightContain(key)) {
            if (wrapped().get(key) != null) {
                pending.remove(key);
                return false;
            }
        }
        if (keys != null) added(key);
        return true;
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    /** Stores the value (or marks it changed again after an in-place change) at the next write-back. */
    void put(String key, T value) {
        pending.put(key, value == null ? DELETED : value);
        if (filtered && value != null) added(key);
    }

    void delete(String key) {
        pending.put(key, DELETED);
    }

    /** Every stored entry, pending writes included (they are written back first). */
    void forEach(BiConsumer<String, V> action) {
        writeBack();
        try (var all = wrapped().all()) {
            all.forEachRemaining(kv -> action.accept(kv.key, kv.value));
        }
    }

    /** What one slice of a purge pass did. */
    record Slice(int examined, int removed, boolean passComplete) {}

    /**
     * One slice of a pass that keeps the entries {@code keep} accepts and deletes the others: it examines at most
     * {@code limit} keys, in key order, after the previous slice's last one, so that a large store is purged
     * between stream records instead of in one long stall of the stream thread (and of its open transaction).
     * The pass builds a new key filter from the kept keys and from every key added while it runs; the new
     * filter replaces the old one when the pass completes, so purged keys leave the filter too.
     */
    Slice retainSlice(BiPredicate<String, V> keep, int limit) {
        writeBack();
        if (pass == null) {
            pass = new PurgePass(filtered ? new KeyFilter(2 * keyCountEstimate()) : null);
        }
        String cursor = pass.cursor;
        List<String> removed = new ArrayList<>();
        int examined = 0;
        boolean complete = true;
        try (var entries = cursor == null ? wrapped().all() : wrapped().range(cursor, null)) {
            while (entries.hasNext()) {
                var kv = entries.next();
                if (kv.key.equals(cursor)) continue; // the range starts at the previous slice's last key
                if (examined == limit) {
                    complete = false;
                    break;
                }
                examined++;
                cursor = kv.key;
                if (keep.test(kv.key, kv.value)) {
                    if (pass.keys != null) pass.keys.add(kv.key);
                } else {
                    removed.add(kv.key);
                }
            }
        }
        removed.forEach(this::delete);
        if (complete) {
            if (filtered) filter = pass.keys;
            pass = null;
        } else {
            pass.cursor = cursor;
        }
        return new Slice(examined, removed.size(), complete);
    }

    /** True while a purge pass has started and not completed. */
    boolean purging() {
        return pass != null;
    }

    /** A purge pass in progress: the last key examined, and the key filter being built (null when unfiltered). */
    private static final class PurgePass {
        final KeyFilter keys;
        String cursor;

        PurgePass(KeyFilter keys) {
            this.keys = keys;
        }
    }

    /** Every key added goes into the filter in use and into the one a running purge pass is building. */
    private void added(String key) {
        filter().add(key);
        if (pass != null && pass.keys != null) pass.keys.add(key);
    }

    private KeyFilter filter() {
        KeyFilter current = filter;
        if (current == null) {
            current = buildFilter();
            filter = current;
        }
        return current;
    }

    private KeyFilter buildFilter() {
        long started = System.nanoTime();
        writeBack();
        KeyFilter built = new KeyFilter(2 * keyCountEstimate());
        try (var keys = wrapped().all()) {
            keys.forEachRemaining(kv -> built.add(kv.key));
        }
        // pending deletes were written back above; pending puts are covered as they are added
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (built.added() > 100_000 || millis > 1_000) {
            log.info(
                    "store {}: key filter over {} keys ({} KiB) built in {} ms",
                    name(),
                    built.added(),
                    built.sizeBytes() / 1024,
                    millis);
        }
        return built;
    }

    private long keyCountEstimate() {
        long estimate = wrapped().approximateNumEntries();
        return filter == null ? estimate : Math.max(estimate, filter.added());
    }

    long count() {
        long[] n = {0};
        forEach((k, v) -> n[0]++);
        return n[0];
    }

    /** Called by Kafka Streams in every commit before the transaction commits. */
    @Override
    public void flushCache() {
        writeBack();
        super.flushCache();
    }

    @Override
    public void clearCache() {
        pending.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    private void writeBack() {
        if (pending.isEmpty()) return;
        List<KeyValue<String, V>> batch = new ArrayList<>(pending.size());
        pending.forEach(
                (key, value) -> batch.add(KeyValue.pair(key, value == DELETED ? null : encode.apply(cast(value)))));
        pending.clear();
        // in key order: RocksDB's memtable skip list inserts ascending keys next to the previous one cheaply
        batch.sort(BY_KEY);
        wrapped().putAll(batch);
    }

    private record Builder<T, V>(
            StoreBuilder<KeyValueStore<String, V>> inner,
            Function<T, V> encode,
            Function<V, T> decode,
            boolean filtered)
            implements StoreBuilder<WriteBackStore<T, V>> {

        @Override
        public StoreBuilder<WriteBackStore<T, V>> withCachingEnabled() {
            throw new UnsupportedOperationException("a write-back store is its own cache");
        }

        @Override
        public StoreBuilder<WriteBackStore<T, V>> withCachingDisabled() {
            inner.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<WriteBackStore<T, V>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<WriteBackStore<T, V>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public WriteBackStore<T, V> build() {
            return new WriteBackStore<>(inner.build(), encode, decode, filtered);
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}

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
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The writes of the current commit interval in front of a key-value store (RocksDB with a changelog), kept in a
 * hash map and written to the store as one batch by {@link #writeBack}, which {@link WriteBackStore} calls in every
 * commit before the transaction commits. A write costs a hash-map put instead of serialisation, a JNI call and a
 * changelog record, and several writes to one key in an interval become one.
 *
 * <p>Values are held in their working form {@code T} (for example a mutable aggregate) and encoded to the
 * stored form {@code V} only when written back. A buffer built {@code filtered} also keeps the store's
 * {@link KnownKeys}, so a lookup of a key that was never written (every new event id, every new subject) costs a
 * few hash probes instead of a RocksDB miss. Plain Java over the public {@link KeyValueStore} contract.
 */
final class WriteBackBuffer<T, V> {

    private static final Comparator<KeyValue<String, ?>> BY_KEY = (a, b) -> a.key.compareTo(b.key);
    private static final Object DELETED = new Object();

    private final KeyValueStore<String, V> store;
    private final Function<T, V> encode;
    private final Function<V, T> decode;
    // key -> working value, or DELETED for a pending delete
    private final Map<String, Object> pending = new HashMap<>(8192);
    private final KnownKeys keys; // null when unfiltered
    private PurgePass<V> pass;

    WriteBackBuffer(KeyValueStore<String, V> store, Function<T, V> encode, Function<V, T> decode, boolean filtered) {
        this.store = store;
        this.encode = encode;
        this.decode = decode;
        this.keys = filtered ? new KnownKeys(store.name()) : null;
    }

    /** The value, pending or stored; null when absent. A working value read here may be changed in place. */
    T get(String key) {
        Object value = pending.get(key);
        if (value != null) return value == DELETED ? null : cast(value);
        if (keys != null && !knownKeys().mightContain(key)) return null;
        V stored = store.get(key);
        return stored == null ? null : decode.apply(stored);
    }

    /**
     * Stores the value unless the key is present (pending or stored); true when stored. One hash-map operation
     * when the key is new and the filter rules it out, as it does for nearly every new event id.
     */
    boolean putIfAbsent(String key, T value) {
        // the filter first: building it writes the pending values back, which must not include this one yet
        KnownKeys known = keys == null ? null : knownKeys();
        Object before = pending.putIfAbsent(key, value);
        if (before != null) {
            if (before != DELETED) return false;
            pending.put(key, value);
        } else if (known == null || known.mightContain(key)) {
            if (store.get(key) != null) {
                pending.remove(key);
                return false;
            }
        }
        if (known != null) known.add(key);
        return true;
    }

    /** Stores the value (or marks it changed again after an in-place change) at the next write-back. */
    void put(String key, T value) {
        // the filter first, as in putIfAbsent: building it writes back what is pending before this write
        if (keys != null && value != null) knownKeys().add(key);
        pending.put(key, value == null ? DELETED : value);
    }

    void delete(String key) {
        pending.put(key, DELETED);
    }

    /** Every stored entry, pending writes included (they are written back first). */
    void forEach(BiConsumer<String, V> action) {
        writeBack();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> action.accept(kv.key, kv.value));
        }
    }

    long count() {
        long[] n = {0};
        forEach((k, v) -> n[0]++);
        return n[0];
    }

    /**
     * One slice of a {@link PurgePass} that keeps the entries {@code keep} accepts and deletes the others. A
     * filtered buffer's pass builds a new key filter from the kept keys and every key added while it runs, which
     * replaces the old one when the pass completes.
     */
    PurgePass.Slice retainSlice(BiPredicate<String, V> keep, int limit) {
        writeBack();
        if (pass == null) {
            pass = new PurgePass<>();
            if (keys != null) keys.startRebuild(keyCountEstimate());
        }
        var result = pass.next(store, keep, limit, keys == null ? key -> {} : keys::keep);
        result.removed().forEach(this::delete);
        if (result.slice().passComplete()) {
            if (keys != null) keys.finishRebuild();
            pass = null;
        }
        return result.slice();
    }

    /** True while a purge pass has started and not completed. */
    boolean purging() {
        return pass != null;
    }

    /**
     * Forgets the key filter (and any purge pass), to be rebuilt from the store at the next lookup: the store may
     * have gained keys from outside (restoration, a standby's updates).
     */
    void forgetKeys() {
        if (keys != null) keys.forget();
        pass = null;
    }

    /** Writes the pending values to the store, in key order, as one batch. */
    void writeBack() {
        if (pending.isEmpty()) return;
        List<KeyValue<String, V>> batch = new ArrayList<>(pending.size());
        pending.forEach(
                (key, value) -> batch.add(KeyValue.pair(key, value == DELETED ? null : encode.apply(cast(value)))));
        pending.clear();
        // in key order: RocksDB's memtable skip list inserts ascending keys next to the previous one cheaply
        batch.sort(BY_KEY);
        store.putAll(batch);
    }

    /** Drops the pending writes, as when the task's state is discarded or restored. */
    void discardPending() {
        pending.clear();
    }

    /** Pending writes not yet written back. */
    int pendingCount() {
        return pending.size();
    }

    private KnownKeys knownKeys() {
        if (!keys.built()) {
            writeBack(); // pending puts are added to the filter as they are made, pending deletes must be gone
            try (var all = store.all()) {
                keys.build(all, keyCountEstimate());
            }
        }
        return keys;
    }

    private long keyCountEstimate() {
        return Math.max(store.approximateNumEntries(), keys == null ? 0 : keys.added());
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }
}

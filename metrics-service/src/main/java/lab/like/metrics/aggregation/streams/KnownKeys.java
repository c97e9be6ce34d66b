package lab.like.metrics.aggregation.streams;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of the {@link KeyFilter} over one store's keys: built by scanning the store the first time it is
 * asked (after (re)initialisation, when restoration is complete), grown with every key added, forgotten when the
 * store may have gained keys from outside, and rebuilt by a purge pass from the keys the pass keeps, so that
 * purged keys leave the filter too.
 */
final class KnownKeys {

    private static final Logger log = LoggerFactory.getLogger(KnownKeys.class);

    private final String store;
    private KeyFilter filter; // null until built
    private KeyFilter rebuilding; // while a purge pass runs: the kept keys and every key added meanwhile

    KnownKeys(String store) {
        this.store = store;
    }

    boolean built() {
        return filter != null;
    }

    /** Builds the filter from every key of the store (whose pending writes must have been written back). */
    void build(KeyValueIterator<String, ?> keys, long estimate) {
        long started = System.nanoTime();
        KeyFilter built = new KeyFilter(2 * estimate);
        keys.forEachRemaining(kv -> built.add(kv.key));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (built.added() > 100_000 || millis > 1_000) {
            log.info(
                    "store {}: key filter over {} keys ({} KiB) built in {} ms",
                    store,
                    built.added(),
                    built.sizeBytes() / 1024,
                    millis);
        }
        filter = built;
    }

    /** False when the key was certainly never added; only once {@link #built}. */
    boolean mightContain(String key) {
        return filter.mightContain(key);
    }

    /** A key written to the store: into the filter in use and into the one a purge pass is building. */
    void add(String key) {
        filter.add(key);
        if (rebuilding != null) rebuilding.add(key);
    }

    /** Forgets the filter (and any rebuild), to be built again from the store. */
    void forget() {
        filter = null;
        rebuilding = null;
    }

    /** A purge pass starts: a new filter collects the keys it keeps. */
    void startRebuild(long estimate) {
        rebuilding = new KeyFilter(2 * estimate);
    }

    /** A key the purge pass keeps. */
    void keep(String key) {
        if (rebuilding != null) rebuilding.add(key);
    }

    /** The purge pass completed: its filter replaces the old one. */
    void finishRebuild() {
        if (rebuilding == null) return;
        filter = rebuilding;
        rebuilding = null;
    }

    /** Keys added to the filter in use; 0 before it is built. */
    long added() {
        return filter == null ? 0 : filter.added();
    }
}

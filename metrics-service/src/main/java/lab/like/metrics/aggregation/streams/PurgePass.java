package lab.like.metrics.aggregation.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One pass over a store that decides, key by key in key order, which entries to keep, walked in slices of at most
 * a given number of keys, each starting after the previous slice's last key. So a large store is purged between
 * stream records instead of in one long stall of the stream thread (and of its open transaction). It only reads:
 * the caller deletes the keys a slice returns.
 */
final class PurgePass<V> {

    /** What one slice of a pass did. */
    record Slice(int examined, int removed, boolean passComplete) {}

    /** One slice's keys to delete, and what it did. */
    record SliceResult(List<String> removed, Slice slice) {}

    private String cursor; // the last key examined, null before the first slice

    /**
     * Examines at most {@code limit} keys after the previous slice's last one; {@code kept} sees every key
     * {@code keep} accepts, in key order.
     */
    SliceResult next(KeyValueStore<String, V> store, BiPredicate<String, V> keep, int limit, Consumer<String> kept) {
        List<String> removed = new ArrayList<>();
        int examined = 0;
        boolean complete = true;
        String last = cursor;
        try (var entries = last == null ? store.all() : store.range(last, null)) {
            while (entries.hasNext()) {
                var kv = entries.next();
                if (kv.key.equals(cursor)) continue; // the range starts at the previous slice's last key
                if (examined == limit) {
                    complete = false;
                    break;
                }
                examined++;
                last = kv.key;
                if (keep.test(kv.key, kv.value)) {
                    kept.accept(kv.key);
                } else {
                    removed.add(kv.key);
                }
            }
        }
        cursor = last;
        return new SliceResult(removed, new Slice(examined, removed.size(), complete));
    }
}

package lab.like.metrics.aggregation.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * A scalable Bloom filter over the keys of one store. {@link #mightContain} false means the key is certainly
 * not in the store, so the RocksDB lookup (a JNI call, at its most expensive for a missing key) can be
 * skipped; true means look it up. It holds layers of about 1% false positives each: when the newest layer has
 * taken as many keys as it was sized for, a layer twice as large is added, so the filter grows without
 * rescanning the store. It only gains keys; deleted keys stay until the filter is rebuilt.
 */
final class KeyFilter {

    static final long MIN_KEYS = 1 << 20;
    private static final int HASHES = 7;
    private static final int BITS_PER_KEY = 10;
    private static final long MAX_LAYER_KEYS = (1L << 30) / BITS_PER_KEY;

    private final List<Layer> layers = new ArrayList<>();
    private Layer newest;
    private long added;

    KeyFilter(long expectedKeys) {
        newest = new Layer(Math.max(MIN_KEYS, expectedKeys));
        layers.add(newest);
    }

    void add(String key) {
        if (newest.added >= newest.capacity) {
            newest = new Layer(Math.min(MAX_LAYER_KEYS, 2 * newest.capacity));
            layers.add(newest);
        }
        newest.add(hash(key));
        added++;
    }

    boolean mightContain(String key) {
        long h = hash(key);
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).mightContain(h)) return true;
        }
        return false;
    }

    long added() {
        return added;
    }

    int layers() {
        return layers.size();
    }

    long sizeBytes() {
        return layers.stream()
                .mapToLong(l -> (long) l.words.length * Long.BYTES)
                .sum();
    }

    /**
     * MurmurHash3's 64-bit mix of the string's hash code, which the string caches (and which the pending-writes
     * map has already computed). Two keys with equal hash codes always share their bits: a false positive,
     * never a false negative.
     */
    static long hash(String key) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static final class Layer {
        final long[] words;
        final int mask;
        final long capacity;
        long added;

        Layer(long expectedKeys) {
            long wanted = Math.min(MAX_LAYER_KEYS, expectedKeys) * BITS_PER_KEY;
            int bits = (int) Math.min(1L << 30, Long.highestOneBit(wanted - 1) << 1);
            words = new long[Math.max(1, bits >>> 6)];
            mask = bits - 1;
            capacity = bits / BITS_PER_KEY;
        }

        void add(long h) {
            int h1 = (int) h;
            int h2 = (int) (h >>> 32);
            for (int i = 0; i < HASHES; i++) {
                int bit = (h1 + i * h2) & mask;
                words[bit >>> 6] |= 1L << bit;
            }
            added++;
        }

        boolean mightContain(long h) {
            int h1 = (int) h;
            int h2 = (int) (h >>> 32);
            for (int i = 0; i < HASHES; i++) {
                int bit = (h1 + i * h2) & mask;
                if ((words[bit >>> 6] & (1L << bit)) == 0) return false;
            }
            return true;
        }
    }
}

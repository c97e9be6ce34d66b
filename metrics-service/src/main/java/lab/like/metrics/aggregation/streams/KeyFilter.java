package lab.like.metrics.aggregation.streams;

/**
 * A Bloom filter over the keys of one store (about 1% false positives at its capacity). {@link #mightContain}
 * false means the key is certainly not in the store, so the RocksDB lookup (a JNI call that is at its most
 * expensive for a missing key) can be skipped; true means look it up. It only ever gains keys: deleted keys
 * stay until the filter is rebuilt.
 */
final class KeyFilter {

    private static final int HASHES = 7;
    private static final int BITS_PER_KEY = 10;
    static final long MIN_KEYS = 1 << 20;

    private final long[] words;
    private final int mask;
    private final long capacity;
    private long added;

    KeyFilter(long expectedKeys) {
        long wanted = Math.max(MIN_KEYS, expectedKeys) * BITS_PER_KEY;
        int bits = (int) Math.min(1L << 30, Long.highestOneBit(wanted - 1) << 1);
        this.words = new long[Math.max(1, bits >>> 6)];
        this.mask = bits - 1;
        this.capacity = bits / BITS_PER_KEY;
    }

    void add(String key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            words[bit >>> 6] |= 1L << bit;
        }
        added++;
    }

    boolean mightContain(String key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            if ((words[bit >>> 6] & (1L << bit)) == 0) return false;
        }
        return true;
    }

    /** More keys than it was sized for: its false-positive rate is climbing, time to rebuild it bigger. */
    boolean full() {
        return added > capacity;
    }

    long added() {
        return added;
    }

    long sizeBytes() {
        return (long) words.length * Long.BYTES;
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
}

package lab.like.metrics.aggregation.streams;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * The one class of metrics-service on Kafka Streams internals: it puts a {@link WriteBackBuffer} in front of a
 * changelogged key-value store and writes the buffer back when Kafka Streams flushes store caches, which it does
 * in every commit before the producer flush and the transaction commit. So every commit still contains every
 * write of its interval, as with Kafka Streams' own record cache. Everything else (the buffer, the key filter's
 * lifecycle in {@link KnownKeys}, the sliced purge in {@link PurgePass}) is plain Java over the public
 * {@link KeyValueStore} contract; {@code ArchitectureTest} fails when another class imports an internal package.
 *
 * <p>Pending writes are dropped when the store is initialised, closed or its cache cleared: Kafka Streams does
 * that only before it discards or restores the task's state, and a clean close always commits (and so writes
 * back) first.
 *
 * <p><b>Why on an internal class.</b> The write-back has to happen inside the commit's transaction, and the only
 * hook Kafka Streams calls there is {@code flushCache()} of its internal {@code CachedStateStore} (through
 * {@link WrappedStateStore}); the public {@code StateStore.flush()} runs after the transaction commits, too late
 * for exactly-once, and a punctuator that writes back and requests a commit does not cover the commits Kafka
 * Streams makes by itself (rebalance, shutdown). The public alternatives were measured (issue 9,
 * {@code AggregationBenchmark} back to back on a quiet machine): the stock record cache in front of the same
 * stores counted 29,168 events/s end to end against 89,135 with this store; a plain put per event into the
 * changelogged store is the "EOS + 1 write" reference of {@code BENCHMARKS.md}. The ordering it relies on is
 * pinned by {@code RestartAndCrashTest}: a successor that restores from the changelog after a SIGKILL, or from an
 * empty state directory, counts every event exactly once only if each commit's transaction held every write of
 * its interval. Recheck both on every Kafka upgrade.
 */
final class WriteBackStore<T, V> extends WrappedStateStore<KeyValueStore<String, V>, String, V> {

    private final WriteBackBuffer<T, V> buffer;

    WriteBackStore(KeyValueStore<String, V> wrapped, Function<T, V> encode, Function<V, T> decode, boolean filtered) {
        super(wrapped);
        this.buffer = new WriteBackBuffer<>(wrapped, encode, decode, filtered);
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

    /** What the processor reads and writes through. */
    WriteBackBuffer<T, V> buffer() {
        return buffer;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        buffer.discardPending();
        buffer.forgetKeys();
        super.init(context, root);
    }

    /** Called by Kafka Streams in every commit before the transaction commits. */
    @Override
    public void flushCache() {
        buffer.writeBack();
        super.flushCache();
    }

    @Override
    public void clearCache() {
        buffer.discardPending();
        super.clearCache();
    }

    @Override
    public void close() {
        buffer.discardPending();
        super.close();
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

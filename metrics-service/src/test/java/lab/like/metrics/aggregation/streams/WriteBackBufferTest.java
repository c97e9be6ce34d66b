package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The write-back buffer, its key filter's lifecycle and its sliced purge, on a plain in-memory store. */
class WriteBackBufferTest {

    static KeyValueStore<String, byte[]> store(String name) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    final KeyValueStore<String, byte[]> store = store("s");
    final WriteBackBuffer<byte[], byte[]> filtered =
            new WriteBackBuffer<>(store, Function.identity(), Function.identity(), true);

    @Test
    void writesStayInTheBufferUntilWrittenBackAndThenReachTheStore() {
        filtered.put("a", bytes("1"));
        filtered.put("b", bytes("2"));
        filtered.put("a", bytes("3"));

        assertThat(store.get("a")).isNull();
        assertThat(text(filtered.get("a"))).isEqualTo("3");
        assertThat(filtered.pendingCount()).isEqualTo(2);

        filtered.writeBack();

        assertThat(filtered.pendingCount()).isZero();
        assertThat(text(store.get("a"))).isEqualTo("3");
        assertThat(text(store.get("b"))).isEqualTo("2");
    }

    @Test
    void aPendingDeleteHidesTheStoredValueAndRemovesItAtTheWriteBack() {
        store.put("a", bytes("1"));
        var buffer = new WriteBackBuffer<byte[], byte[]>(store, Function.identity(), Function.identity(), false);

        buffer.delete("a");

        assertThat(buffer.get("a")).isNull();
        assertThat(store.get("a")).isNotNull();
        buffer.writeBack();
        assertThat(store.get("a")).isNull();
    }

    @Test
    void putIfAbsentStoresOnlyKeysNeitherPendingNorStored() {
        store.put("stored", bytes("s"));

        assertThat(filtered.putIfAbsent("new", bytes("n"))).isTrue();
        assertThat(filtered.putIfAbsent("new", bytes("again"))).isFalse();
        assertThat(filtered.putIfAbsent("stored", bytes("again"))).isFalse();
        // a refused key leaves nothing pending, so the write-back does not rewrite it
        assertThat(filtered.pendingCount()).isEqualTo(1);

        filtered.delete("new");
        assertThat(filtered.putIfAbsent("new", bytes("after delete"))).isTrue();
        filtered.writeBack();
        assertThat(text(store.get("new"))).isEqualTo("after delete");
        assertThat(text(store.get("stored"))).isEqualTo("s");
    }

    @Test
    void theKeyFilterIsBuiltFromTheStoreAndForgottenWhenTheStoreMayHaveGainedKeysFromOutside() {
        store.put("restored", bytes("r"));
        assertThat(text(filtered.get("restored"))).isEqualTo("r"); // builds the filter over the store

        store.put("from-a-standby", bytes("x")); // past the buffer: the filter does not know it
        assertThat(filtered.get("from-a-standby")).isNull();
        assertThat(filtered.putIfAbsent("from-a-standby", bytes("y"))).isTrue();

        filtered.discardPending();
        filtered.forgetKeys();
        assertThat(text(filtered.get("from-a-standby"))).isEqualTo("x");
        assertThat(filtered.putIfAbsent("from-a-standby", bytes("y"))).isFalse();
    }

    @Test
    void buildingTheFilterWritesPendingDeletesBackFirst() {
        store.put("a", bytes("1"));
        filtered.delete("a"); // before the filter exists
        assertThat(filtered.putIfAbsent("b", bytes("2"))).isTrue(); // builds it
        assertThat(store.get("a")).isNull();
        assertThat(filtered.putIfAbsent("a", bytes("3"))).isTrue();
    }

    @Test
    void aPurgePassWalksTheStoreInSlicesInKeyOrderAndDeletesWhatItDoesNotKeep() {
        for (String key : List.of("k1", "k2", "k3", "k4", "k5")) store.put(key, bytes(key));
        List<String> examined = new ArrayList<>();

        var first =
                filtered.retainSlice((key, value) -> examined.add(key) && !key.equals("k2") && !key.equals("k5"), 2);
        assertThat(first).isEqualTo(new PurgePass.Slice(2, 1, false));
        assertThat(filtered.purging()).isTrue();
        var second = filtered.retainSlice((key, value) -> examined.add(key) && !key.equals("k5"), 2);
        assertThat(second).isEqualTo(new PurgePass.Slice(2, 0, false));
        var third = filtered.retainSlice((key, value) -> examined.add(key) && !key.equals("k5"), 2);
        assertThat(third).isEqualTo(new PurgePass.Slice(1, 1, true));

        assertThat(examined).containsExactly("k1", "k2", "k3", "k4", "k5");
        assertThat(filtered.purging()).isFalse();
        filtered.writeBack();
        List<String> left = new ArrayList<>();
        filtered.forEach((key, value) -> left.add(key));
        assertThat(left).containsExactly("k1", "k3", "k4");
    }

    @Test
    void thePassRebuildsTheFilterFromTheKeptKeysAndTheKeysAddedMeanwhileSoPurgedKeysLeaveIt() {
        for (String key : List.of("k1", "k2", "k3")) store.put(key, bytes(key));
        assertThat(filtered.get("k1")).isNotNull(); // filter built over k1..k3

        filtered.retainSlice((key, value) -> !key.equals("k2"), 1);
        filtered.put("added-during-the-pass", bytes("a"));
        while (filtered.purging()) filtered.retainSlice((key, value) -> !key.equals("k2"), 1);
        filtered.writeBack();

        store.put("k2", bytes("back from outside")); // purged, so the rebuilt filter rules it out
        assertThat(filtered.get("k2")).isNull();
        assertThat(text(filtered.get("added-during-the-pass"))).isEqualTo("a");
        assertThat(text(filtered.get("k3"))).isEqualTo("k3");
    }

    @Test
    void workingValuesAreEncodedOnlyAtTheWriteBackSoChangesInPlaceAreKept() {
        KeyValueStore<String, byte[]> counters = store("counters");
        List<String> encoded = new ArrayList<>();
        var buffer = new WriteBackBuffer<StringBuilder, byte[]>(
                counters,
                value -> {
                    encoded.add(value.toString());
                    return bytes(value.toString());
                },
                stored -> new StringBuilder(text(stored)),
                false);

        buffer.put("c", new StringBuilder("a"));
        buffer.get("c").append("b");
        buffer.put("c", buffer.get("c").append("c"));
        buffer.writeBack();
        buffer.get("c").append("stale"); // read back decoded: a new working value, not yet put

        assertThat(encoded).containsExactly("abc");
        assertThat(text(counters.get("c"))).isEqualTo("abc");
    }

    @Test
    void discardedPendingWritesNeverReachTheStore() {
        filtered.put("a", bytes("1"));
        filtered.discardPending();
        filtered.writeBack();
        assertThat(store.get("a")).isNull();
        assertThat(filtered.count()).isZero();
    }
}

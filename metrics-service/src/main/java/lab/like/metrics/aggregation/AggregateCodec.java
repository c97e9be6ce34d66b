package lab.like.metrics.aggregation;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Compact binary form of an {@link Aggregate} for state stores (and their changelogs, so existing state must keep
 * reading): a format byte, the version, the nine {@link Counts} in their declared order, the newest record
 * timestamp, then (format 2) the exact minimum and maximum duration, then the DDSketch encoding.
 */
public final class AggregateCodec {

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;
    private static final int FIXED_1 = 1 + 11 * Long.BYTES;
    private static final int FIXED = 1 + 13 * Long.BYTES;

    private AggregateCodec() {}

    public static byte[] encode(Aggregate a) {
        byte[] sketch = a.encodedSketch();
        ByteBuffer buffer = ByteBuffer.allocate(FIXED + sketch.length);
        buffer.put(FORMAT).putLong(a.version);
        putCounts(buffer, a.counts)
                .putLong(a.lastEventTimestamp)
                .putLong(a.minDurationMs)
                .putLong(a.maxDurationMs)
                .put(sketch);
        return buffer.array();
    }

    public static Aggregate decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte format = buffer.get();
        if (format != FORMAT && format != FORMAT_1) throw new IllegalArgumentException("unknown aggregate format");
        Aggregate a = new Aggregate();
        a.version = buffer.getLong();
        a.counts = getCounts(buffer);
        a.lastEventTimestamp = buffer.getLong();
        int fixed = FIXED_1;
        if (format == FORMAT) {
            a.minDurationMs = buffer.getLong();
            a.maxDurationMs = buffer.getLong();
            fixed = FIXED;
        }
        a.encodedDurations = bytes.length > fixed ? Arrays.copyOfRange(bytes, fixed, bytes.length) : new byte[0];
        return a;
    }

    /** The nine counters in {@link Counts}' order (both formats). */
    private static ByteBuffer putCounts(ByteBuffer buffer, Counts c) {
        return buffer.putLong(c.subjects())
                .putLong(c.starters())
                .putLong(c.completers())
                .putLong(c.abandoners())
                .putLong(c.completions())
                .putLong(c.digitalCompletions())
                .putLong(c.feedbackResponses())
                .putLong(c.satisfiedResponses())
                .putLong(c.scoreSum());
    }

    private static Counts getCounts(ByteBuffer buffer) {
        return new Counts(
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong());
    }

    static byte[] sketchBytes(DDSketch sketch) {
        try {
            GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
            sketch.encode(out, false);
            return out.trimmedCopy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode duration sketch", e);
        }
    }

    public static DDSketch decodeSketch(byte[] bytes, int offset, int length) {
        try {
            return DDSketch.decode(
                    ByteArrayInput.wrap(Arrays.copyOfRange(bytes, offset, offset + length)),
                    UnboundedSizeDenseStore::new);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt duration sketch", e);
        }
    }
}

package lab.like.metrics.aggregation.streams;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A parked record's value in the {@code parked} store: timestamp, key, headers and value, so that a record
 * dead-lettered after its grace keeps everything it arrived with. The first format had no headers; it starts
 * with the timestamp, which is never {@link Long#MIN_VALUE}, the marker of the current format.
 */
final class ParkedRecord {

    private static final long WITH_HEADERS = Long.MIN_VALUE;

    private ParkedRecord() {}

    static byte[] encode(Record<byte[], byte[]> record) {
        var bytes = new ByteArrayOutputStream(64 + record.value().length);
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(WITH_HEADERS);
            out.writeLong(record.timestamp());
            writeBytes(out, record.key());
            Header[] headers = record.headers().toArray();
            out.writeInt(headers.length);
            for (Header header : headers) {
                writeBytes(out, header.key().getBytes(StandardCharsets.UTF_8));
                writeBytes(out, header.value());
            }
            out.write(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by an in-memory stream
        }
        return bytes.toByteArray();
    }

    static Record<byte[], byte[]> decode(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        long first = in.getLong();
        boolean withHeaders = first == WITH_HEADERS;
        long timestamp = withHeaders ? in.getLong() : first;
        byte[] key = readBytes(in);
        List<Header> headers = new ArrayList<>();
        if (withHeaders) {
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                String name = new String(readBytes(in), StandardCharsets.UTF_8);
                byte[] headerValue = readBytes(in);
                headers.add(new StoredHeader(name, headerValue));
            }
        }
        byte[] value = new byte[in.remaining()];
        in.get(value);
        Record<byte[], byte[]> record = new Record<>(key, value, timestamp);
        headers.forEach(record.headers()::add);
        return record;
    }

    private record StoredHeader(String key, byte[] value) implements Header {}

    /** Length (-1 for null) and bytes. */
    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) return null;
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}

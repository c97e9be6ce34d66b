package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class ParkedRecordTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whenParkedThenTimestampKeyHeadersAndValueComeBack() {
        var headers = new RecordHeaders();
        headers.add("traceparent", utf8("00-abc-01"));
        headers.add("empty", null);
        headers.add("traceparent", utf8("second"));
        var record = new Record<>(utf8("exp-1"), utf8("{\"eventId\":\"e\"}"), 1_764_000_000_000L, headers);

        Record<byte[], byte[]> back = ParkedRecord.decode(ParkedRecord.encode(record));

        assertThat(back.timestamp()).isEqualTo(1_764_000_000_000L);
        assertThat(back.key()).isEqualTo(utf8("exp-1"));
        assertThat(back.value()).isEqualTo(utf8("{\"eventId\":\"e\"}"));
        assertThat(back.headers().toArray()).hasSize(3);
        assertThat(back.headers().toArray()[0].key()).isEqualTo("traceparent");
        assertThat(back.headers().toArray()[0].value()).isEqualTo(utf8("00-abc-01"));
        assertThat(back.headers().lastHeader("empty").value()).isNull();
        assertThat(back.headers().lastHeader("traceparent").value()).isEqualTo(utf8("second"));
    }

    @Test
    void whenTheKeyIsNullThenItStaysNull() {
        var record = new Record<byte[], byte[]>(null, utf8("v"), 5L);
        Record<byte[], byte[]> back = ParkedRecord.decode(ParkedRecord.encode(record));
        assertThat(back.key()).isNull();
        assertThat(back.value()).isEqualTo(utf8("v"));
        assertThat(back.headers().toArray()).isEmpty();
    }

    @Test
    void whenAValueOfTheFirstFormatIsReadThenItDecodesWithoutHeaders() {
        byte[] key = utf8("exp-1");
        byte[] value = utf8("{}");
        byte[] first = ByteBuffer.allocate(8 + 4 + key.length + value.length)
                .putLong(42L)
                .putInt(key.length)
                .put(key)
                .put(value)
                .array();
        Record<byte[], byte[]> back = ParkedRecord.decode(first);
        assertThat(back.timestamp()).isEqualTo(42L);
        assertThat(back.key()).isEqualTo(key);
        assertThat(back.value()).isEqualTo(value);
        assertThat(back.headers().toArray()).isEmpty();
    }
}

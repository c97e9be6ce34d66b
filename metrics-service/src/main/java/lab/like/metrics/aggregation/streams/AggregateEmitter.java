package lab.like.metrics.aggregation.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import lab.like.metrics.aggregation.AggregateKey;
import lab.like.metrics.aggregation.json.AggregateMessage;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wall-clock punctuation: forwards the full totals of every dirty aggregate key to {@code kpi-aggregates}
 * and clears the marks, in the same transaction as the counting, so a totals record is never lost or stale.
 */
final class AggregateEmitter {

    private final EventCounter counter;
    private final JsonMapper json;
    private final ProcessorContext<byte[], byte[]> context;

    AggregateEmitter(EventCounter counter, JsonMapper json, ProcessorContext<byte[], byte[]> context) {
        this.counter = counter;
        this.json = json;
        this.context = context;
    }

    void emit(long now) {
        Instant emittedAt = Instant.ofEpochMilli(now);
        for (String key : counter.dirtyKeys()) {
            var message = AggregateMessage.of(
                    AggregateKey.parse(key), counter.aggregate(key).totals(), emittedAt);
            context.forward(
                    new Record<>(key.getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(message), now),
                    AggregationTopology.AGGREGATES_SINK);
            counter.clean(key);
        }
    }
}

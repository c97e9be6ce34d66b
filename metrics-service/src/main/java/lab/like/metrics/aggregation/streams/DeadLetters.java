package lab.like.metrics.aggregation.streams;

import java.nio.charset.StandardCharsets;
import lab.like.metrics.aggregation.Verdict;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead-letter routing: a rejected record goes to the dead-letter sink with its key, timestamp and headers, its
 * value pseudonymised (no raw subject id at rest: the keyed hash takes its place) and the reason in the
 * {@value #REASON_HEADER} header, replacing any such header it arrived with.
 */
final class DeadLetters {

    static final String REASON_HEADER = "likelab-dlt-reason";

    private final SubjectRedactor redactor;
    private final AggregationMeters meters;
    private final ProcessorContext<byte[], byte[]> context;

    DeadLetters(SubjectRedactor redactor, AggregationMeters meters, ProcessorContext<byte[], byte[]> context) {
        this.redactor = redactor;
        this.meters = meters;
        this.context = context;
    }

    void send(Record<byte[], byte[]> record, Verdict.Rejected rejected) {
        Record<byte[], byte[]> dead =
                record.withValue(redactor.redact(record.value(), null)).withHeaders(record.headers());
        dead.headers().remove(REASON_HEADER);
        dead.headers().add(REASON_HEADER, rejected.header().getBytes(StandardCharsets.UTF_8));
        context.forward(dead, AggregationTopology.DLT_SINK);
        meters.deadLettered(rejected.reason());
    }
}

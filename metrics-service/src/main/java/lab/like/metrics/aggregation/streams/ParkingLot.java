package lab.like.metrics.aggregation.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.Origin;
import lab.like.metrics.aggregation.RawEvent;
import lab.like.metrics.aggregation.RejectReason;
import lab.like.metrics.aggregation.UsageTopics;
import lab.like.metrics.aggregation.Verdict;
import lab.like.metrics.aggregation.json.RawEventReader;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.core.JacksonException;

/**
 * The parking of events that arrive before their experiment: an experiment created or started a moment ago may
 * not have reached this instance's copy of the {@code experiments} topic yet, so such a rejection is not final at
 * once. A parked record waits, pseudonymised, in the {@code parked} store (changelogged, so it commits with
 * everything else) under the key {@code parkedAt|topic|partition|offset} ({@code parkedAt} the wall-clock time in
 * 13 digits), so it is released in the order it was parked.
 */
final class ParkingLot {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    static final long MAX_PARKED = 100_000;

    private final KeyValueStore<String, byte[]> parked;
    private final UsageTopics topics;
    private final Duration grace;
    private final RawEventReader reader;
    private final DefinitionCache definitions;
    private final SubjectRedactor redactor;
    private final AggregationMeters meters;
    private final ProcessorContext<byte[], byte[]> context;

    ParkingLot(
            KeyValueStore<String, byte[]> parked,
            UsageTopics topics,
            Duration grace,
            RawEventReader reader,
            DefinitionCache definitions,
            SubjectRedactor redactor,
            AggregationMeters meters,
            ProcessorContext<byte[], byte[]> context) {
        this.parked = parked;
        this.topics = topics;
        this.grace = grace;
        this.reader = reader;
        this.definitions = definitions;
        this.redactor = redactor;
        this.meters = meters;
        this.context = context;
    }

    /** Whether the rejection may only mean that the experiment has not reached this instance yet. */
    static boolean mayBeEarly(Verdict.Rejected rejected) {
        return rejected.reason() == RejectReason.UNKNOWN_EXPERIMENT || rejected.reason() == RejectReason.NOT_RUNNING;
    }

    /**
     * Parks the record (the one being processed, read from {@code topic}), pseudonymised, for up to
     * {@code likelab.metrics.early-event-grace}. False when the parking is full, or when the event names no
     * variant and its experiment is unknown: the variant is assigned from the raw subject id, which is never
     * kept, so such an event is dead-lettered now.
     */
    boolean park(Record<byte[], byte[]> record, String topic) {
        if (parked.approximateNumEntries() >= MAX_PARKED) return false;
        RawEvent raw = read(record);
        String experimentId = raw == null || raw.experimentId() == RawEvent.NOT_A_STRING ? null : raw.experimentId();
        ExperimentDefinition experiment = experimentId == null ? null : definitions.get(experimentId);
        if (raw == null || raw.subjectId() != null && raw.variant() == null && experiment == null) return false;
        long now = context.currentSystemTimeMs();
        var metadata = context.recordMetadata();
        // zero-padded, so that records parked in one millisecond are released in offset order (keys written
        // before the padding, unpadded, are still read: release parses only the time and the topic)
        String id = String.format(
                "%013d|%s|%010d|%019d",
                now,
                topic,
                metadata.map(m -> m.partition()).orElse(-1),
                metadata.map(m -> m.offset()).orElse(-1L));
        parked.put(id, ParkedRecord.encode(record.withValue(redactor.redact(record.value(), experiment))));
        meters.parked();
        return true;
    }

    /**
     * Settles, in parking order, every parked record whose verdict is now final (its experiment known and
     * running: it is counted, exactly as if it had arrived now) or whose grace has passed (it is dead-lettered
     * with the reason it has then). A settled record leaves the store before it is settled.
     *
     * @param verdict the verdict of a parked record, read from a topic of the given origin
     * @param settle counts or dead-letters a record by its verdict
     */
    void release(
            long now,
            BiFunction<Record<byte[], byte[]>, Origin, Verdict> verdict,
            BiConsumer<Record<byte[], byte[]>, Verdict> settle) {
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (var all = parked.all()) {
            all.forEachRemaining(due::add);
        }
        for (KeyValue<String, byte[]> entry : due) {
            long parkedAt = Long.parseLong(entry.key.substring(0, 13));
            String topic = entry.key.substring(14, entry.key.indexOf('|', 14));
            Record<byte[], byte[]> record = ParkedRecord.decode(entry.value);
            Origin origin = topics.origin(topic).orElse(Origin.INTERNAL).parked();
            Verdict current = verdict.apply(record, origin);
            boolean waiting = current instanceof Verdict.Rejected rejected && mayBeEarly(rejected);
            if (waiting && now - parkedAt < grace.toMillis()) continue;
            parked.delete(entry.key);
            settle.accept(record, current);
        }
    }

    private RawEvent read(Record<byte[], byte[]> record) {
        try {
            return record.value() == null ? null : reader.read(record.value());
        } catch (JacksonException e) {
            return null;
        }
    }
}

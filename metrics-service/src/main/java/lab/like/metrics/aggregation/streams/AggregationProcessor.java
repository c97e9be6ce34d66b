package lab.like.metrics.aggregation.streams;

import java.nio.charset.StandardCharsets;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.Origin;
import lab.like.metrics.aggregation.RawEvent;
import lab.like.metrics.aggregation.RejectReason;
import lab.like.metrics.aggregation.UsageTopics;
import lab.like.metrics.aggregation.Verdict;
import lab.like.metrics.aggregation.json.RawEventReader;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates each usage event, sends rule breakers to the dead-letter topic ({@link DeadLetters}), parks events
 * that may only be early for their experiment ({@link ParkingLot}), and counts the rest exactly once ({@link
 * EventCounter}). Definitions come from the {@link DefinitionCache}; the punctuations release parked events,
 * emit totals ({@link AggregateEmitter}) and purge old event ids ({@link DedupPurge}). Everything it does (store
 * writes, dead letters, emitted totals, the input offset) commits in one Kafka transaction.
 */
final class AggregationProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private final MetricsProperties properties;
    private final EventRules rules;
    private final AggregationMeters meters;
    private final JsonMapper json;
    private final RawEventReader reader;
    private final SubjectRedactor redactor;
    private final UsageTopics topics;
    private final DefinitionCache definitions;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> experiments;
    private EventCounter counter;
    private DeadLetters deadLetters;
    private ParkingLot parking;

    AggregationProcessor(
            MetricsProperties properties,
            EventRules rules,
            SubjectRedactor redactor,
            AggregationMeters meters,
            JsonMapper json) {
        this.properties = properties;
        this.redactor = redactor;
        this.topics = properties.topics().usage();
        this.rules = rules;
        this.meters = meters;
        this.json = json;
        this.reader = new RawEventReader(json);
        this.definitions = new DefinitionCache(id -> experiments.get(id), ExperimentLoader::changes, json);
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.experiments = context.getStateStore(AggregationTopology.EXPERIMENTS);
        this.counter = new EventCounter(
                buffer(context, AggregationTopology.DEDUP),
                buffer(context, AggregationTopology.SUBJECT_FLAGS),
                buffer(context, AggregationTopology.AGGREGATES),
                buffer(context, AggregationTopology.DIRTY));
        definitions.reset();
        this.deadLetters = new DeadLetters(redactor, meters, context);
        this.parking = new ParkingLot(
                context.getStateStore(AggregationTopology.PARKED),
                topics,
                properties.earlyEventGrace(),
                reader,
                definitions,
                redactor,
                meters,
                context);
        context.schedule(ParkingLot.CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, this::releaseParked);
        var emitter = new AggregateEmitter(counter, json, context);
        context.schedule(properties.emitInterval(), PunctuationType.WALL_CLOCK_TIME, emitter::emit);
        var purge = new DedupPurge(counter, properties, meters, context.taskId().toString());
        context.schedule(DedupPurge.SLICE_EVERY, PunctuationType.WALL_CLOCK_TIME, purge::slice);
    }

    private static <T> WriteBackBuffer<T, byte[]> buffer(ProcessorContext<?, ?> context, String store) {
        WriteBackStore<T, byte[]> writeBack = context.getStateStore(store);
        return writeBack.buffer();
    }

    @Override
    public void close() {
        definitions.clear();
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse(topics.internal());
        Origin origin = topics.origin(topic).orElse(null);
        Verdict verdict = origin == null
                ? Verdict.reject(RejectReason.MALFORMED, "not a usage-event topic")
                : verdict(record, origin);
        if (verdict instanceof Verdict.Rejected rejected
                && ParkingLot.mayBeEarly(rejected)
                && parking.park(record, topic)) {
            return;
        }
        settle(record, verdict);
    }

    private void settle(Record<byte[], byte[]> record, Verdict verdict) {
        if (verdict instanceof Verdict.Rejected rejected) {
            deadLetters.send(record, rejected);
        } else if (verdict instanceof Verdict.Accepted accepted) {
            if (counter.count(accepted.event(), record.timestamp(), context.currentSystemTimeMs())) {
                meters.counted();
            } else {
                meters.duplicate();
            }
        }
    }

    private void releaseParked(long now) {
        parking.release(now, this::verdict, this::settle);
    }

    private Verdict verdict(Record<byte[], byte[]> record, Origin origin) {
        if (record.value() == null) return Verdict.reject(RejectReason.MALFORMED, "empty value");
        RawEvent raw;
        try {
            raw = reader.read(record.value());
        } catch (JacksonException e) {
            return Verdict.reject(RejectReason.MALFORMED, "not valid JSON");
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return rules.check(raw, key, record.timestamp(), origin, definitions::get);
    }
}

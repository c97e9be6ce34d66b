package lab.like.metrics.aggregation.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.Origin;
import lab.like.metrics.aggregation.RawEvent;
import lab.like.metrics.aggregation.RejectReason;
import lab.like.metrics.aggregation.UsageTopics;
import lab.like.metrics.aggregation.Verdict;
import lab.like.metrics.aggregation.json.ExperimentJson;
import lab.like.metrics.aggregation.json.RawEventReader;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates each usage event, sends rule breakers to the dead-letter topic (original bytes plus a reason
 * header), and counts the rest exactly once. Everything it does (store writes, dead letters, emitted totals,
 * the input offset) commits in one Kafka transaction.
 */
final class AggregationProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    static final String REASON_HEADER = "likelab-dlt-reason";
    static final Duration PARK_CHECK = Duration.ofSeconds(1);
    static final long MAX_PARKED = 100_000;
    static final Duration PURGE_SLICE_EVERY = Duration.ofSeconds(1);

    private final MetricsProperties properties;
    private final EventRules rules;
    private final AggregationMeters meters;
    private final JsonMapper json;
    private final RawEventReader reader;
    private final SubjectRedactor redactor;
    private final UsageTopics topics;
    private final Map<String, Parsed> definitions = new HashMap<>();
    // experiments whose stored JSON was compared since the last change to any experiment
    private final Set<String> checked = new HashSet<>();
    private long definitionsChecked = -1;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> experiments;
    private EventCounter counter;
    private KeyValueStore<String, byte[]> parked;

    private record Parsed(byte[] raw, ExperimentDefinition definition) {}

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
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.experiments = context.getStateStore(AggregationTopology.EXPERIMENTS);
        this.counter = new EventCounter(
                context.getStateStore(AggregationTopology.DEDUP),
                context.getStateStore(AggregationTopology.SUBJECT_FLAGS),
                context.getStateStore(AggregationTopology.AGGREGATES),
                context.getStateStore(AggregationTopology.DIRTY));
        definitions.clear();
        checked.clear();
        definitionsChecked = -1;
        this.parked = context.getStateStore(AggregationTopology.PARKED);
        context.schedule(PARK_CHECK, PunctuationType.WALL_CLOCK_TIME, this::releaseParked);
        var emitter = new AggregateEmitter(counter, json, context);
        context.schedule(properties.emitInterval(), PunctuationType.WALL_CLOCK_TIME, emitter::emit);
        var purge = new DedupPurge(counter, properties, meters, context.taskId().toString());
        context.schedule(PURGE_SLICE_EVERY, PunctuationType.WALL_CLOCK_TIME, purge::slice);
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
        if (verdict instanceof Verdict.Rejected rejected && mayBeEarly(rejected) && park(record, topic)) {
            return;
        }
        settle(record, verdict);
    }

    private void settle(Record<byte[], byte[]> record, Verdict verdict) {
        if (verdict instanceof Verdict.Rejected rejected) {
            // no raw subject id at rest: the dead letter carries the keyed hash in its place
            Record<byte[], byte[]> dead =
                    record.withValue(redactor.redact(record.value(), null)).withHeaders(record.headers());
            dead.headers().remove(REASON_HEADER);
            dead.headers().add(REASON_HEADER, rejected.header().getBytes(StandardCharsets.UTF_8));
            context.forward(dead, AggregationTopology.DLT_SINK);
            meters.deadLettered(rejected.reason());
        } else if (verdict instanceof Verdict.Accepted accepted) {
            if (counter.count(accepted.event(), record.timestamp(), context.currentSystemTimeMs())) {
                meters.counted();
            } else {
                meters.duplicate();
            }
        }
    }

    /**
     * An experiment created or started a moment ago may not have reached this instance's copy of the
     * {@code experiments} topic yet. Such a rejection is therefore not final at once.
     */
    private static boolean mayBeEarly(Verdict.Rejected rejected) {
        return rejected.reason() == RejectReason.UNKNOWN_EXPERIMENT || rejected.reason() == RejectReason.NOT_RUNNING;
    }

    /**
     * Parks the record, pseudonymised (in a changelogged store, so it commits with everything else), for up to
     * {@code likelab.metrics.early-event-grace}. False when the parking is full, or when the event names no
     * variant and its experiment is unknown: the variant is assigned from the raw subject id, which is never
     * kept, so such an event is dead-lettered now.
     */
    private boolean park(Record<byte[], byte[]> record, String topic) {
        if (parked.approximateNumEntries() >= MAX_PARKED) return false;
        RawEvent raw = read(record);
        String experimentId = raw == null || raw.experimentId() == RawEvent.NOT_A_STRING ? null : raw.experimentId();
        ExperimentDefinition experiment = experimentId == null ? null : definition(experimentId);
        if (raw == null || raw.subjectId() != null && raw.variant() == null && experiment == null) return false;
        long now = context.currentSystemTimeMs();
        var metadata = context.recordMetadata();
        String id = String.format(
                "%013d|%s|%d|%d",
                now,
                topic,
                metadata.map(m -> m.partition()).orElse(-1),
                metadata.map(m -> m.offset()).orElse(-1L));
        parked.put(id, ParkedRecord.encode(record.withValue(redactor.redact(record.value(), experiment))));
        meters.parked();
        return true;
    }

    /**
     * Settles every parked record whose experiment is now known and running (it is counted, exactly as if it had
     * arrived now) or whose grace has passed (it is dead-lettered with the reason it has then).
     */
    private void releaseParked(long now) {
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (var all = parked.all()) {
            all.forEachRemaining(due::add);
        }
        for (KeyValue<String, byte[]> entry : due) {
            long parkedAt = Long.parseLong(entry.key.substring(0, 13));
            String topic = entry.key.substring(14, entry.key.indexOf('|', 14));
            Record<byte[], byte[]> record = ParkedRecord.decode(entry.value);
            Origin origin = topics.origin(topic).orElse(Origin.INTERNAL).parked();
            Verdict verdict = verdict(record, origin);
            boolean waiting = verdict instanceof Verdict.Rejected rejected && mayBeEarly(rejected);
            if (waiting && now - parkedAt < properties.earlyEventGrace().toMillis()) continue;
            parked.delete(entry.key);
            settle(record, verdict);
        }
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
        return rules.check(raw, key, record.timestamp(), origin, this::definition);
    }

    private RawEvent read(Record<byte[], byte[]> record) {
        try {
            return record.value() == null ? null : reader.read(record.value());
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The experiment's definition. Parsed only when its stored JSON changed since the last look, and the store
     * is consulted again only after some experiment changed.
     */
    private ExperimentDefinition definition(String experimentId) {
        long changes = ExperimentLoader.changes();
        if (changes != definitionsChecked) {
            definitionsChecked = changes;
            checked.clear();
        }
        Parsed cached = definitions.get(experimentId);
        if (cached != null && checked.contains(experimentId)) return cached.definition();
        byte[] raw = experiments.get(experimentId);
        if (raw == null) {
            definitions.remove(experimentId);
            return null;
        }
        checked.add(experimentId);
        if (cached != null && Arrays.equals(cached.raw(), raw)) return cached.definition();
        ExperimentDefinition parsed;
        try {
            parsed = ExperimentJson.parse(json.readTree(raw)).orElse(null);
        } catch (JacksonException e) {
            parsed = null;
        }
        definitions.put(experimentId, new Parsed(raw, parsed));
        return parsed;
    }
}

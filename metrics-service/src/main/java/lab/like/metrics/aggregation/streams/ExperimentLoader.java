package lab.like.metrics.aggregation.streams;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the raw experiment JSON per id in the global store; a tombstone removes it. Definitions are published
 * at least once per change and may arrive out of order, so an older {@code version} never replaces a newer one.
 * A definition whose {@code organisation} differs from the one already known for its id is refused (logged,
 * counted in {@code likelab.metrics.experiments.refused}): only experiment-service writes the topic, and it
 * never moves an experiment to another organisation.
 */
final class ExperimentLoader implements Processor<String, byte[], Void, Void> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // bumped after every change to any experiments store in this JVM, so processors re-read only after one
    private static final AtomicLong CHANGES = new AtomicLong();

    private static final Logger log = LoggerFactory.getLogger(ExperimentLoader.class);

    private final AggregationMeters meters;
    private KeyValueStore<String, byte[]> store;

    ExperimentLoader(AggregationMeters meters) {
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(AggregationTopology.EXPERIMENTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) return;
        if (record.value() == null) {
            store.delete(record.key());
            CHANGES.incrementAndGet();
            return;
        }
        byte[] current = store.get(record.key());
        if (current != null && !organisation(current).equals(organisation(record.value()))) {
            // an experiment never changes organisation: this is a forged definition, never applied
            log.warn(
                    "experiment {}: a definition naming another organisation was refused (version {})",
                    record.key(),
                    version(record.value()));
            meters.forgedDefinition();
            return;
        }
        if (current == null || version(record.value()) >= version(current)) {
            store.put(record.key(), record.value());
            CHANGES.incrementAndGet();
        }
    }

    /** A number that changes whenever an experiment definition changes (or is removed). */
    static long changes() {
        return CHANGES.get();
    }

    static String organisation(byte[] json) {
        try {
            return JSON.readTree(json).path("organisation").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    static long version(byte[] json) {
        try {
            return JSON.readTree(json).path("version").asLong(0);
        } catch (JacksonException e) {
            return -1;
        }
    }
}

package lab.like.metrics.aggregation.streams;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import lab.like.metrics.aggregation.AggregateCodec;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * One processor keyed by experimentId (the record key, so no repartition) with its stores, two sinks (dead
 * letters and aggregate totals), and a global store of experiment definitions. In the service the Spring Cloud
 * Stream Kafka Streams binder supplies the stream of every topic the usage pattern matches ({@link
 * AggregationFunction}); tests build the same topology with {@link #build}. One pattern source means one task
 * per partition number across all those topics: partition 2 of {@code usage-events} and of every
 * {@code usage-events.<organisation>} share one task and its stores, so an experiment's events (keyed by its id,
 * default partitioner, equal partition counts) meet in one dedup store whichever topic carried them.
 */
final class AggregationTopology {

    static final String DEDUP = "dedup";
    static final String SUBJECT_FLAGS = "subject-flags";
    static final String AGGREGATES = "aggregates";
    static final String DIRTY = "dirty";
    static final String PARKED = "parked";
    static final String EXPERIMENTS = "experiments-global";
    static final String AGGREGATOR = "aggregator";
    static final String DLT_SINK = "dlt-sink";
    static final String AGGREGATES_SINK = "aggregates-sink";

    private AggregationTopology() {}

    /** The whole topology on its own, for the test driver. */
    static Topology build(
            MetricsProperties properties,
            EventRules rules,
            SubjectRedactor redactor,
            AggregationMeters meters,
            JsonMapper json) {
        StreamsBuilder builder = new StreamsBuilder();
        addExperiments(builder, properties, meters);
        aggregate(
                builder.stream(
                        Pattern.compile(properties.topics().usagePattern()),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())),
                properties,
                rules,
                redactor,
                meters,
                json);
        return builder.build();
    }

    /** The experiment definitions, read from the compacted topic into an in-memory global store. */
    static void addExperiments(StreamsBuilder builder, MetricsProperties properties, AggregationMeters meters) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(EXPERIMENTS), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                properties.topics().experiments(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("experiments-source"),
                () -> new ExperimentLoader(meters));
    }

    /** Counts the usage events of {@code events}; rule breakers go to the dead-letter topic. */
    static void aggregate(
            KStream<byte[], byte[]> events,
            MetricsProperties properties,
            EventRules rules,
            SubjectRedactor redactor,
            AggregationMeters meters,
            JsonMapper json) {
        var topics = properties.topics();
        KStream<byte[], byte[]> out = events.process(
                new AggregatorSupplier(() -> new AggregationProcessor(properties, rules, redactor, meters, json)),
                Named.as(AGGREGATOR));
        // the processor forwards to these two sinks by name
        out.to(
                topics.deadLetter(),
                Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(DLT_SINK));
        out.to(
                topics.aggregates(),
                Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(AGGREGATES_SINK));
    }

    /** The processor with the stores it owns, so that Kafka Streams adds and connects them. */
    private record AggregatorSupplier(Supplier<AggregationProcessor> factory)
            implements ProcessorSupplier<byte[], byte[], byte[], byte[]> {

        @Override
        public Processor<byte[], byte[], byte[], byte[]> get() {
            return factory.get();
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            // write-back stores: the writes of a commit interval reach RocksDB and the changelog once, at the commit
            return Set.of(
                    WriteBackStore.builder(persistent(DEDUP, Serdes.ByteArray()), true),
                    WriteBackStore.builder(persistent(SUBJECT_FLAGS, Serdes.ByteArray()), true),
                    WriteBackStore.builder(
                            persistent(AGGREGATES, Serdes.ByteArray()), AggregateCodec::encode, AggregateCodec::decode),
                    WriteBackStore.builder(persistent(DIRTY, Serdes.ByteArray()), false),
                    // raw events waiting (at most a grace period) for their experiment to reach the global store
                    persistent(PARKED, Serdes.ByteArray()));
        }
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde) {
        // always changelogged: restored after a crash, rolled back with the transaction
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withLoggingEnabled(Map.of())
                .withCachingDisabled();
    }
}

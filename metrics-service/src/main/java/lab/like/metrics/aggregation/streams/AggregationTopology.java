package lab.like.metrics.aggregation.streams;

import java.util.Map;
import lab.like.metrics.aggregation.AggregateCodec;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * One source, one processor keyed by experimentId (the record key, so no repartition), two sinks (dead letters
 * and aggregate totals), and a global store of experiment definitions.
 */
final class AggregationTopology {

    static final String DEDUP = "dedup";
    static final String SUBJECT_FLAGS = "subject-flags";
    static final String AGGREGATES = "aggregates";
    static final String DIRTY = "dirty";
    static final String PARKED = "parked";
    static final String EXPERIMENTS = "experiments-global";
    static final String DLT_SINK = "dlt-sink";
    static final String AGGREGATES_SINK = "aggregates-sink";

    private AggregationTopology() {}

    static Topology build(MetricsProperties properties, EventRules rules, AggregationMeters meters, JsonMapper json) {
        var topics = properties.topics();
        Topology topology = new Topology();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(EXPERIMENTS), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                "experiments-source",
                new StringDeserializer(),
                new ByteArrayDeserializer(),
                topics.experiments(),
                "experiments-loader",
                ExperimentLoader::new);
        topology.addSource(
                "usage-events-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.usageEvents());
        topology.addProcessor(
                "aggregator", () -> new AggregationProcessor(properties, rules, meters, json), "usage-events-source");
        // write-back stores: the writes of a commit interval reach RocksDB and the changelog once, at the commit
        topology.addStateStore(WriteBackStore.builder(persistent(DEDUP, Serdes.ByteArray()), true), "aggregator");
        topology.addStateStore(
                WriteBackStore.builder(persistent(SUBJECT_FLAGS, Serdes.ByteArray()), true), "aggregator");
        topology.addStateStore(
                WriteBackStore.builder(
                        persistent(AGGREGATES, Serdes.ByteArray()), AggregateCodec::encode, AggregateCodec::decode),
                "aggregator");
        topology.addStateStore(WriteBackStore.builder(persistent(DIRTY, Serdes.ByteArray()), false), "aggregator");
        // raw events waiting (at most a grace period) for their experiment to reach the global store
        topology.addStateStore(persistent(PARKED, Serdes.ByteArray()), "aggregator");
        topology.addSink(
                DLT_SINK, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(), "aggregator");
        topology.addSink(
                AGGREGATES_SINK,
                topics.aggregates(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                "aggregator");
        return topology;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde) {
        // always changelogged: restored after a crash, rolled back with the transaction
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withLoggingEnabled(Map.of())
                .withCachingDisabled();
    }
}

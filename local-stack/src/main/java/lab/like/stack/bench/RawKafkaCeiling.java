package lab.like.stack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The reference figures: how fast this broker takes and gives the same records with a plain client
 * (acks=all, idempotent, 3 partitions), measured on a scratch topic in the same run as the benchmark.
 */
final class RawKafkaCeiling {

    /**
     * Records per second: a plain producer, a plain consumer, a Kafka Streams application with exactly_once_v2
     * that only counts the records (no state, no output), the most any exactly-once stream processor of these
     * records can reach here, and the same application with one stock state write per record (a put of the
     * event id into a persistent, changelogged key-value store, without even the read a dedup check needs: less
     * than exact deduplication has to do, so an upper bound for any exactly-once deduplicating processor).
     */
    record Figures(
            double producerPerSecond, double consumerPerSecond, double streamsPerSecond, double statefulPerSecond) {}

    private RawKafkaCeiling() {}

    static Properties producerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    static Figures measure(String bootstrap, List<byte[]> keys, List<byte[]> values) throws Exception {
        return measure(bootstrap, keys, values, false);
    }

    /** The figures; the exactly-once pass-through only when {@code streams} (NaN otherwise). */
    static Figures measure(String bootstrap, List<byte[]> keys, List<byte[]> values, boolean streams) throws Exception {
        String topic = "bench-raw-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            double produced = produce(bootstrap, topic, keys, values);
            double consumed = consume(bootstrap, topic, values.size());
            double streamed = streams ? streamExactlyOnce(bootstrap, topic, values.size(), false) : Double.NaN;
            double stateful = streams ? streamExactlyOnce(bootstrap, topic, values.size(), true) : Double.NaN;
            admin.deleteTopics(List.of(topic)).all().get();
            return new Figures(produced, consumed, streamed, stateful);
        }
    }

    private static double produce(String bootstrap, String topic, List<byte[]> keys, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
            long start = System.nanoTime();
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
            }
            producer.flush();
            return values.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double consume(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            long start = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                seen += records.count();
            }
            return seen / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double streamExactlyOnce(String bootstrap, String topic, int expected, boolean stateful)
            throws Exception {
        Path stateDir = Files.createTempDirectory("bench-streams");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, topic + (stateful ? "-stateful" : "-streams"));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
        AtomicLong seen = new AtomicLong();
        AtomicLong firstAt = new AtomicLong();
        Topology topology = new Topology();
        topology.addSource("source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topic);
        if (stateful) {
            topology.addProcessor("count", () -> new RememberEventId(seen, firstAt), "source");
            topology.addStateStore(
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(RememberEventId.STORE), Serdes.Bytes(), Serdes.ByteArray()),
                    "count");
        } else {
            topology.addProcessor(
                    "count",
                    () -> (Processor<byte[], byte[], Void, Void>) record -> {
                        if (seen.getAndIncrement() == 0) firstAt.set(System.nanoTime());
                    },
                    "source");
        }
        try (KafkaStreams streams = new KafkaStreams(topology, p)) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (seen.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double rate = seen.get() / ((System.nanoTime() - firstAt.get()) / 1e9);
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            return rate;
        }
    }

    /** Puts each record's event id (the benchmark's values start with {@code {"eventId":"}) into a store. */
    private static final class RememberEventId implements Processor<byte[], byte[], Void, Void> {

        static final String STORE = "seen-event-ids";
        private static final int ID_START = "{\"eventId\":\"".length();
        private static final byte[] SEEN = {1};
        private final AtomicLong seen;
        private final AtomicLong firstAt;
        private KeyValueStore<Bytes, byte[]> store;

        RememberEventId(AtomicLong seen, AtomicLong firstAt) {
            this.seen = seen;
            this.firstAt = firstAt;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            byte[] value = record.value();
            int end = ID_START;
            while (end < value.length && value[end] != '"') end++;
            store.put(Bytes.wrap(Arrays.copyOfRange(value, ID_START, end)), SEEN);
            if (seen.getAndIncrement() == 0) firstAt.set(System.nanoTime());
        }
    }
}

package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker and MongoDB server keep their data across restarts, and Kafka transactions work. */
class EmbeddedInfrastructureTest {

    @TempDir
    Path data;

    @Test
    void whenKafkaRestartsOnTheSameDirectoryThenCommittedRecordsAndClusterIdRemain() throws Exception {
        List<Integer> ports = Ports.free(2);
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), ports.get(0), ports.get(1))) {
            clusterId = clusterId(kafka);
            // a transactional producer needs the transaction state log: what Kafka Streams exactly_once_v2 uses
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    "local-stack-test",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    30_000,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("usage-events", "exp-1", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("usage-events", "exp-1", "aborted"));
                producer.abortTransaction();
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), ports.get(0), ports.get(1))) {
            assertThat(clusterId(kafka)).isEqualTo(clusterId);
            assertThat(readCommitted(kafka, "usage-events")).containsExactly("committed");
        }
    }

    @Test
    void whenMongoRestartsOnTheSameFileThenDocumentsRemain() throws Exception {
        int port = Ports.free(1).get(0);
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(data.resolve("mongo"), port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            experiments(client).insertOne(new Document("_id", "exp-1").append("name", "Parking permit"));
        }

        assertThat(data.resolve("mongo").resolve("likelab.mv")).isNotEmptyFile();
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(data.resolve("mongo"), port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(experiments(client).find().into(new ArrayList<>()))
                    .extracting(d -> d.getString("name"))
                    .containsExactly("Parking permit");
        }
    }

    @Test
    void whenMongoIsInMemoryThenADriverCanWriteAndReadOverTcp() {
        int port = Ports.free(1).get(0);
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            experiments(client).insertOne(new Document("_id", "exp-2"));

            assertThat(experiments(client).countDocuments()).isEqualTo(1);
        }
    }

    private static MongoCollection<Document> experiments(MongoClient client) {
        return client.getDatabase("likelab_experiments").getCollection("experiments");
    }

    private static String clusterId(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static List<String> readCommitted(EmbeddedKafka kafka, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // one more poll: an aborted record must not show up after the committed one
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}

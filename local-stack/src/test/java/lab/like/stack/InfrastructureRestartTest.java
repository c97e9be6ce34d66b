package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * The launcher's own broker and MongoDB-protocol server restarted under load, as the fault suite does: nothing
 * they acknowledged is lost, and an idempotent acks=all producer's retries across the restart land once.
 */
class InfrastructureRestartTest {

    private static final int RECORDS = 6_000;

    @TempDir
    Path data;

    @Test
    void whenTheBrokerRestartsWhileAnAcksAllProducerSendsThenEveryAcknowledgedRecordIsThereOnce() throws Exception {
        List<Integer> ports = Ports.free(2);
        EmbeddedKafka first = EmbeddedKafka.start(data.resolve("kafka"), ports.get(0), ports.get(1));
        CompletableFuture<EmbeddedKafka> restarted = null;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                first.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                120_000,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            for (int i = 0; i < RECORDS; i++) {
                String value = "record-" + i;
                producer.send(new ProducerRecord<>("restarted", "exp-" + (i % 7), value), (metadata, e) -> {
                    if (e == null) {
                        acknowledged.add(value);
                    } else {
                        failed.incrementAndGet();
                    }
                });
                if (i == RECORDS / 3) {
                    // restarted while records are in flight: they wait in the producer and are retried
                    restarted = CompletableFuture.supplyAsync(() -> restart(first));
                }
                if (i % 500 == 0) {
                    Thread.sleep(20);
                }
            }
            producer.flush();
        } finally {
            (restarted == null ? first : restarted.get()).close();
        }
        assertThat(failed).as("sends that failed").hasValue(0);
        assertThat(acknowledged).hasSize(RECORDS);

        try (EmbeddedKafka again = EmbeddedKafka.start(data.resolve("kafka"), ports.get(0), ports.get(1))) {
            List<String> read = readAll(again, "restarted", RECORDS);
            assertThat(read).hasSize(RECORDS).doesNotHaveDuplicates();
            assertThat(new HashSet<>(read)).isEqualTo(acknowledged);
        }
    }

    @Test
    void whenTheMongoServerRestartsWhileAClientWritesThenEveryAcknowledgedWriteIsKept() throws Exception {
        int port = Ports.free(1).get(0);
        EmbeddedMongo mongo = EmbeddedMongo.startPersistent(data.resolve("mongo"), port);
        Set<String> acknowledged = new HashSet<>();
        int retried = 0;
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=60000")) {
            for (int i = 0; i < 600; i++) {
                String id = "aggregate-" + i;
                while (true) {
                    try {
                        // an idempotent upsert, as metrics-service writes its totals: a retry cannot double anything
                        aggregates(client)
                                .replaceOne(
                                        new Document("_id", id),
                                        new Document("version", i),
                                        new ReplaceOptions().upsert(true));
                        acknowledged.add(id);
                        break;
                    } catch (MongoException e) {
                        retried++;
                    }
                }
                if (i == 300) {
                    mongo = mongo.restart();
                }
            }
        } finally {
            mongo.close();
        }
        System.out.println("writes retried across the restart: " + retried);

        try (EmbeddedMongo again = EmbeddedMongo.startPersistent(data.resolve("mongo"), port);
                MongoClient client = MongoClients.create(again.connectionString())) {
            List<String> ids = new ArrayList<>();
            aggregates(client).find().forEach(d -> ids.add(d.getString("_id")));
            assertThat(ids).hasSize(600).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).isEqualTo(acknowledged);
        }
    }

    @Test
    void whenTheMongoServerIsInMemoryThenARestartIsRefusedWithTheReason() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(Ports.free(1).get(0))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(mongo::restart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keeps nothing across a restart");
        }
    }

    private static EmbeddedKafka restart(EmbeddedKafka kafka) {
        try {
            return kafka.restart();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MongoCollection<Document> aggregates(MongoClient client) {
        return client.getDatabase("likelab_metrics").getCollection("aggregates");
    }

    private static List<String> readAll(EmbeddedKafka kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // one more poll: a duplicate would arrive after the expected number
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}

package lab.like.metrics.it;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import reactor.core.publisher.Flux;

/** Real parts for the integration tests: a MongoDB-protocol server on a TCP port, a producer, and reads. */
final class TestInfra {

    private TestInfra() {}

    static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        // one worker thread: mongo-java-server encodes stored documents in place, and a concurrent update on
        // another worker thread can make that encoding fail (ConcurrentModificationException)
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        return server;
    }

    static String mongoUri(MongoServer server) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    static String uniqueStateDir() {
        return Path.of("target", "tmp", "streams-" + UUID.randomUUID())
                .toAbsolutePath()
                .toString();
    }

    static KafkaProducer<String, byte[]> producer(String brokers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p);
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Aggregate documents of one experiment, keyed "variant" (totals) or "day|variant". */
    static Map<String, Document> aggregates(MongoClient client, String experimentId) {
        List<Document> docs = Flux.from(client.getDatabase("likelab_metrics")
                        .getCollection("aggregates")
                        .find(new Document("experimentId", experimentId)))
                .collectList()
                .block(Duration.ofSeconds(10));
        Map<String, Document> out = new HashMap<>();
        for (Document d : docs) {
            String day = d.getString("day");
            out.put(day == null ? d.getString("variant") : day + "|" + d.getString("variant"), d);
        }
        return out;
    }

    static MongoClient mongoClient(MongoServer server) {
        return MongoClients.create(mongoUri(server));
    }

    /** The stored counts in the shape {@link Scenario#expected} computes. */
    static Map<String, Map<String, Long>> stored(Map<String, Document> docs, boolean perDay) {
        Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
        docs.forEach((key, d) -> {
            if (perDay != (d.getString("day") != null)) return;
            Map<String, Long> c = new java.util.TreeMap<>();
            for (String k : Scenario.COUNTERS) {
                c.put(k, ((Number) d.get(k)).longValue());
            }
            c.put("events", ((Number) d.get("version")).longValue());
            out.put(key, c);
        });
        return out;
    }
}

package lab.like.stack.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An e-service inside the platform producing API.md's JSON (raw {@code subjectId}) to its organisation's topic
 * {@code usage-events.<organisation>}, keyed by {@code experimentId}, acks=all; a record the broker did not
 * acknowledge is sent again.
 */
final class KafkaEventSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final IntFunction<String> experimentIds;
    private final SendStats stats;

    KafkaEventSender(String bootstrapServers, String organisation, IntFunction<String> experimentIds, SendStats stats) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                131_072,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                20_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        this.topic = "usage-events." + organisation;
        this.experimentIds = experimentIds;
        this.stats = stats;
    }

    void send(List<FaultEvent> batch) throws InterruptedException {
        List<FaultEvent> pending = batch;
        while (!pending.isEmpty()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
            List<FaultEvent> failed = new ArrayList<>();
            for (FaultEvent e : pending) {
                String id = experimentIds.apply(e.experiment());
                try {
                    sent.add(producer.send(
                            new ProducerRecord<>(topic, id, e.json(id).getBytes(StandardCharsets.UTF_8))));
                } catch (RuntimeException sendFailed) {
                    sent.add(null); // no metadata in time (broker down): sent again below
                }
            }
            for (int i = 0; i < sent.size(); i++) {
                try {
                    if (sent.get(i) == null) {
                        failed.add(pending.get(i));
                    } else {
                        sent.get(i).get();
                        stats.kafkaRecords.increment();
                    }
                } catch (ExecutionException notAcknowledged) {
                    failed.add(pending.get(i));
                }
            }
            if (!failed.isEmpty()) {
                failed.forEach(e -> stats.resent("Kafka record not acknowledged"));
                Thread.sleep(500);
            }
            pending = failed;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

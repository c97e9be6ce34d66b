package lab.like.experiment.config;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Boot's {@code KafkaAdmin} creates the topics once at startup and only logs if Kafka is down then; this retries
 * on a scheduler thread (never a Netty thread: the admin call blocks) until the topics exist.
 */
@Component
class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final KafkaAdmin admin;
    private final AtomicBoolean created = new AtomicBoolean();

    TopicInitializer(KafkaAdmin admin) {
        this.admin = admin;
    }

    @Scheduled(
            initialDelayString = "${likelab.topics.check-interval}",
            fixedDelayString = "${likelab.topics.check-interval}")
    void ensureTopics() {
        if (!created.get()) {
            boolean ok = admin.initialize();
            created.set(ok);
            log.info(ok ? "Kafka topics exist" : "Kafka topics could not be checked yet; will retry");
        }
    }
}

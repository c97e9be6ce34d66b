package lab.like.metrics.pilots.messaging;

import java.time.Duration;
import java.util.function.Consumer;
import lab.like.metrics.pilots.store.PilotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream function {@code pilots}: keeps the {@code pilots} collection in step with the compacted
 * {@code experiments} topic (its own consumer group, so it replays the topic from the start when new). A write
 * that fails is retried by the binder (application.yml: every second, without limit) before the offset moves.
 */
@Configuration(proxyBeanMethods = false)
class PilotFunctions {

    private static final Logger log = LoggerFactory.getLogger(PilotFunctions.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final PilotStore store;
    private final JsonMapper json;
    private volatile boolean indexed;

    PilotFunctions(PilotStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Bean
    Consumer<Message<byte[]>> pilots() {
        return this::apply;
    }

    // Blocking is deliberate: the binder calls this on its consumer thread (never a Netty thread) and moves the
    // offset when it returns, so the write must be done by then; a failure is rethrown for the binder's retries.
    void apply(Message<byte[]> record) {
        if (!indexed) {
            store.ensureIndexes().block(WRITE_TIMEOUT);
            indexed = true;
        }
        try {
            PilotJson.parse(json.readTree(record.getPayload()))
                    .ifPresentOrElse(
                            p -> store.save(p).block(WRITE_TIMEOUT),
                            () -> log.warn("skipping an experiments record that is not a usable experiment"));
        } catch (JacksonException e) {
            // a record nobody can read must not stall the read model: skip it, loudly
            log.error("skipping an unreadable experiments record: {}", e.toString());
        }
    }
}

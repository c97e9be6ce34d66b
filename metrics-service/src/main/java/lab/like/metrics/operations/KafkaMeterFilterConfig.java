package lab.like.metrics.operations;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka Streams reports about a thousand metrics (every store, node, client connection). The scrape keeps the
 * ones an operator watches: stream-thread and task rates, ratios and latencies, consumer lag, the client state,
 * topic throughput.
 */
@Configuration(proxyBeanMethods = false)
class KafkaMeterFilterConfig {

    private static final List<String> KEPT = List.of(
            "kafka.stream.thread.",
            "kafka.stream.task.",
            "kafka.stream.topic.",
            "kafka.stream.alive.stream.threads",
            "kafka.stream.client.state",
            "kafka.consumer.fetch.manager.records.lag");

    @Bean
    MeterFilter kafkaMeterFilter() {
        return MeterFilter.deny(
                id -> id.getName().startsWith("kafka.") && KEPT.stream().noneMatch(id.getName()::startsWith));
    }
}

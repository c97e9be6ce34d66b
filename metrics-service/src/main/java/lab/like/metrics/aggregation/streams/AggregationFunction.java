package lab.like.metrics.aggregation.streams;

import java.util.function.Consumer;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregation as a Spring Cloud Stream function: the Kafka Streams binder binds {@code aggregate-in-0} to
 * {@code usage-events} (application.yml) and runs the resulting topology; {@link AggregationStreams} adds the
 * exactly-once configuration, the global experiments store and the lifecycle hooks.
 */
@Configuration(proxyBeanMethods = false)
class AggregationFunction {

    @Bean
    Consumer<KStream<byte[], byte[]>> aggregate(
            MetricsProperties properties, AggregationMeters meters, JsonMapper json) {
        var rules = new EventRules(new Pseudonymiser(properties.subjectSecret()));
        return events -> AggregationTopology.aggregate(events, properties, rules, meters, json);
    }
}

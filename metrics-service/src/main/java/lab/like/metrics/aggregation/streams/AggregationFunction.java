package lab.like.metrics.aggregation.streams;

import java.util.function.Consumer;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregation as a Spring Cloud Stream function: the Kafka Streams binder binds {@code aggregate-in-0} to
 * every topic of {@code likelab.metrics.topics.usage-pattern} (application.yml; checked here against the
 * internal, organisation and dead-letter topic names) and runs the resulting topology; {@link AggregationStreams} adds the
 * exactly-once configuration, the global experiments store and the lifecycle hooks.
 */
@Configuration(proxyBeanMethods = false)
class AggregationFunction {

    @Bean
    Consumer<KStream<byte[], byte[]>> aggregate(
            MetricsProperties properties, AggregationMeters meters, JsonMapper json) {
        var topics = properties.topics();
        topics.usage().requireSourcePattern(topics.usagePattern(), topics.organisations());
        var pseudonymiser = new Pseudonymiser(properties.subjectSecret());
        var rules = new EventRules(pseudonymiser);
        var redactor = new SubjectRedactor(json, pseudonymiser);
        return events -> AggregationTopology.aggregate(events, properties, rules, redactor, meters, json);
    }
}

package lab.like.metrics.aggregation.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP while the aggregation topology is running or rebalancing. */
@Component("aggregation")
class StreamsHealthIndicator implements HealthIndicator {

    private final AggregationStreams streams;

    StreamsHealthIndicator(AggregationStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        var builder =
                state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED ? Health.up() : Health.down();
        return builder.withDetail("state", state.name()).build();
    }
}

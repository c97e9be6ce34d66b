package lab.like.metrics.aggregation.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import lab.like.metrics.aggregation.RejectReason;
import org.springframework.stereotype.Component;

/** Events counted, duplicates dropped, and dead letters by (bounded) reason. */
@Component
class AggregationMeters {

    private final Counter counted;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter purged;
    private final Counter forged;
    private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);

    AggregationMeters(MeterRegistry registry) {
        counted = counter(registry, "likelab.metrics.events.counted", "usage events counted into aggregates");
        duplicates = counter(
                registry,
                "likelab.metrics.events.duplicates",
                "usage events dropped as a repeated experimentId + eventId");
        parked = counter(
                registry,
                "likelab.metrics.events.parked",
                "raw usage events held back for their experiment to arrive or start (at most likelab.metrics.early-event-grace)");
        purged = counter(
                registry,
                "likelab.metrics.dedup.purged",
                "event ids forgotten by the dedup purge after likelab.metrics.dedup-retention");
        forged = counter(
                registry,
                "likelab.metrics.experiments.refused",
                "experiment definitions refused because they name another organisation than the known one");
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(
                    reason,
                    Counter.builder("likelab.metrics.events.dead.lettered")
                            .description("usage events sent to usage-events.dlt")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    void counted() {
        counted.increment();
    }

    void parked() {
        parked.increment();
    }

    void purged(int eventIds) {
        purged.increment(eventIds);
    }

    void forgedDefinition() {
        forged.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void deadLettered(RejectReason reason) {
        deadLetters.get(reason).increment();
    }
}

package lab.like.experiment.registry.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The outbox pending gauge: experiments whose latest change is not yet on the topic. */
@Component
class OutboxMetrics {

    private final AtomicLong pending;

    OutboxMetrics(MeterRegistry registry) {
        this.pending = registry.gauge("likelab.outbox.pending", new AtomicLong());
    }

    AtomicLong pending() {
        return pending;
    }
}

package lab.like.experiment.registry.messaging;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Picks up every change still pending (for example made while Kafka was down) at a fixed delay. */
@Component
class OutboxSweep {

    private final OutboxRelay relay;

    OutboxSweep(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${likelab.outbox.sweep-interval}")
    Mono<Void> sweep() {
        return relay.sweep();
    }
}

package lab.like.experiment.registry.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import lab.like.experiment.registry.PublicationTrigger;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox relay: publishes the current definition of an experiment whose document carries a pending marker,
 * then clears the marker conditionally on the published version. One pipeline per instance handles both the
 * immediate trigger after a change and the periodic sweep; a failed publish leaves the marker in place, so the
 * next sweep retries it (at-least-once; the topic is compacted and the value is the whole definition).
 */
@Component
class OutboxRelay implements PublicationTrigger, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final ExperimentPublisher publisher;
    private final JsonMapper json;
    private volatile Sinks.Many<ExperimentId> queue;
    private final Set<ExperimentId> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong pendingGauge;
    private volatile Disposable pipeline;

    OutboxRelay(Outbox outbox, ExperimentPublisher publisher, JsonMapper json, OutboxMetrics metrics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.json = json;
        this.pendingGauge = metrics.pending();
    }

    @Override
    public synchronized void changed(ExperimentId id) {
        // Not running (starting, stopped or paused): the marker stays and the next sweep picks it up.
        if (queue != null && queued.add(id)) {
            Sinks.EmitResult result = queue.tryEmitNext(id);
            if (result.isFailure()) {
                // calls are serialised (synchronized) and the buffer is unbounded, so only a terminated or
                // cancelled pipeline refuses; the marker stays, and the next sweep queues it again
                queued.remove(id);
                log.warn("experiment {} not queued for publication ({}); the next sweep retries it", id, result);
            }
        }
    }

    /** Called by the sweep: queues every pending experiment not already queued. */
    Mono<Void> sweep() {
        return outbox.countPending()
                .doOnNext(pendingGauge::set)
                .thenMany(outbox.pending(1000))
                .doOnNext(this::changed)
                .then();
    }

    private Mono<Void> relay(ExperimentId id) {
        queued.remove(id);
        // deferred, so that a store that throws instead of signalling an error is handled the same way
        return Mono.defer(() -> outbox.findIfPending(id))
                .flatMap(experiment -> publish(experiment)
                        .then(outbox.markPublished(experiment.id(), experiment.version()))
                        .flatMap(cleared -> cleared ? Mono.empty() : republishIfNewer(experiment)))
                .doOnError(e -> log.warn("publishing experiment {} failed, left pending: {}", id, e.toString()))
                .onErrorComplete()
                .then();
    }

    /**
     * The experiment changed while we published (possibly relayed by another instance, whose newer record may
     * have landed before ours): publish the current definition once more, so that the last record on the
     * topic from this producer is never older than the stored one.
     */
    private Mono<Void> republishIfNewer(Experiment published) {
        return outbox.findCurrent(published.id())
                .filter(current -> current.version() > published.version())
                .flatMap(current -> publish(current).then(outbox.markPublished(current.id(), current.version())))
                .then();
    }

    private Mono<Void> publish(Experiment experiment) {
        byte[] value = json.writeValueAsBytes(ExperimentRecord.of(experiment));
        return publisher.publish(experiment.id(), value);
    }

    /** Lifecycle may stop and start again (a paused context): each start gets a fresh queue. */
    @Override
    public synchronized void start() {
        queued.clear();
        Sinks.Many<ExperimentId> fresh = Sinks.many().unicast().onBackpressureBuffer();
        queue = fresh;
        pipeline = fresh.asFlux().concatMap(this::relay).subscribe(published -> {}, e -> failed(fresh, e));
    }

    /**
     * Each relay step completes even when it fails, so the pipeline ends only on a defect; then the relay starts
     * a fresh one (queued ids were lost with the old queue, but their markers stay for the next sweep).
     */
    private synchronized void failed(Sinks.Many<ExperimentId> ended, Throwable e) {
        log.error("the outbox relay pipeline failed; starting a new one (pending changes wait for the sweep)", e);
        if (queue == ended) {
            start();
        }
    }

    @Override
    public synchronized void stop() {
        if (pipeline != null) {
            pipeline.dispose();
        }
        pipeline = null;
        queue = null;
    }

    @Override
    public boolean isRunning() {
        return pipeline != null;
    }
}

package lab.like.experiment.registry.messaging;

import static lab.like.experiment.registry.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's decisions, with a recording publisher at the boundary and an in-memory outbox (the real binder
 * and broker: PublicationTests, KafkaOutageTests).
 */
class OutboxRelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordingPublisher producer = new RecordingPublisher();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final OutboxRelay relay =
            new OutboxRelay(outbox, producer, JSON, new OutboxMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void stop() {
        relay.stop();
    }

    @Test
    void whenPendingThenPublishedKeyedByIdAndMarkerCleared() {
        Experiment draft = Fixtures.draft();
        outbox.store(draft, true);
        relay.start();
        relay.changed(draft.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending.isEmpty());
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.history().get(0).key()).isEqualTo("exp-1");
        assertThat(JSON.readTree(producer.history().get(0).value())
                        .get("version")
                        .longValue())
                .isEqualTo(1);
    }

    @Test
    void whenTheExperimentChangesDuringPublicationThenTheNewerVersionIsPublishedAfterIt() {
        Experiment v1 = Fixtures.draft();
        Experiment v2 = v1.start("tester", CLOCK).experiment();
        outbox.store(v1, true);
        outbox.onFirstMark = () -> outbox.store(v2, false); // another instance wrote and relayed v2 meanwhile
        relay.start();
        relay.changed(v1.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
        List<Long> versions = producer.history().stream()
                .map(r -> JSON.readTree(r.value()).get("version").longValue())
                .toList();
        assertThat(versions).containsExactly(1L, 2L);
    }

    @Test
    void whenThePublishFailsThenTheMarkerStaysAndTheNextSweepPublishesIt() {
        Experiment draft = Fixtures.draft();
        outbox.store(draft, true);
        producer.failing = true;
        relay.start();
        relay.changed(draft.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.attempts.get() == 1);
        assertThat(outbox.pending).containsKey(draft.id());
        assertThat(producer.history()).isEmpty();

        producer.failing = false;
        relay.sweep().block();
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending.isEmpty());
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void whenTheStoreThrowsInsteadOfSignallingThenTheRelayGoesOnAndTheSweepRetries() {
        Experiment draft = Fixtures.draft();
        outbox.store(draft, true);
        outbox.throwOnFind.set(1);
        relay.start();
        relay.changed(draft.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.throwOnFind.get() == 0);
        assertThat(outbox.pending).containsKey(draft.id());
        assertThat(relay.isRunning()).isTrue();

        relay.sweep().block();
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending.isEmpty());
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void whenNothingIsPendingThenNothingIsPublished() {
        outbox.store(Fixtures.draft(), false);
        relay.start();
        relay.changed(new ExperimentId("exp-1"));
        relay.sweep().block();
        assertThat(producer.history()).isEmpty();
    }

    record Sent(String key, byte[] value) {}

    static final class RecordingPublisher implements ExperimentPublisher {

        final List<Sent> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean failing;

        @Override
        public Mono<Void> publish(ExperimentId id, byte[] definition) {
            return Mono.fromRunnable(() -> {
                attempts.incrementAndGet();
                if (failing) throw new IllegalStateException("broker unreachable");
                sent.add(new Sent(id.value(), definition));
            });
        }

        List<Sent> history() {
            return sent;
        }
    }

    static final class InMemoryOutbox implements Outbox {

        final Map<ExperimentId, Experiment> current = new ConcurrentHashMap<>();
        final Map<ExperimentId, Long> pending = new ConcurrentHashMap<>();
        final AtomicInteger marks = new AtomicInteger();
        final AtomicInteger throwOnFind = new AtomicInteger();
        Runnable onFirstMark = () -> {};

        void store(Experiment e, boolean markPending) {
            current.put(e.id(), e);
            if (markPending) {
                pending.put(e.id(), e.version());
            } else {
                pending.remove(e.id());
            }
        }

        @Override
        public Flux<ExperimentId> pending(int limit) {
            return Flux.fromIterable(pending.keySet());
        }

        @Override
        public Mono<Long> countPending() {
            return Mono.just((long) pending.size());
        }

        @Override
        public Mono<Experiment> findIfPending(ExperimentId id) {
            if (throwOnFind.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("store defect: thrown, not signalled");
            }
            return Mono.justOrEmpty(pending.containsKey(id) ? current.get(id) : null);
        }

        @Override
        public Mono<Experiment> findCurrent(ExperimentId id) {
            return Mono.justOrEmpty(current.get(id));
        }

        @Override
        public Mono<Boolean> markPublished(ExperimentId id, long version) {
            return Mono.fromSupplier(() -> {
                if (marks.getAndIncrement() == 0) {
                    onFirstMark.run();
                }
                return pending.remove(id, version);
            });
        }
    }
}

package lab.like.experiment.registry;

import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ExperimentSpec;
import lab.like.experiment.registry.domain.Status;
import lab.like.experiment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Optimistic locking on {@code version}: concurrent changes never lose a write. */
class ConcurrencyTests extends IntegrationTest {

    @Autowired
    ExperimentRepository repository;

    @Autowired
    Clock clock;

    @Test
    void whenReplacingWithAStaleVersionThenTheStoreRefusesAndKeepsTheWinner() {
        String id = team().create();
        Experiment stored = repository.findById(new ExperimentId(id)).block();
        Experiment first = stored.start("tester", clock).experiment();
        Experiment second = stored.revise(renamed(stored.spec(), "loser"), "tester", clock);
        StepVerifier.create(repository.replace(first, stored.version()))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository.replace(second, stored.version()))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(repository.findById(stored.id()))
                .assertNext(e -> {
                    assertThat(e.status()).isEqualTo(Status.RUNNING);
                    assertThat(e.spec().name()).isEqualTo(stored.spec().name());
                    assertThat(e.version()).isEqualTo(stored.version() + 1);
                })
                .verifyComplete();
    }

    @Test
    void whenPatchesOfDifferentFieldsRaceWithoutIfMatchThenEveryOneIsApplied() {
        String id = team().create();
        List<Map<String, Object>> patches = List.of(
                Map.of("name", "Concurrent name"),
                Map.of("hypothesis", "Concurrent hypothesis"),
                Map.of("eligiblePopulation", 5000),
                Map.of("minimumStarters", 250),
                Map.of("sharedWithNetwork", true),
                Map.of("guardrailKpis", List.of("digital_take_up")));
        List<Integer> statuses = Flux.fromIterable(patches)
                .parallel(patches.size())
                .runOn(Schedulers.boundedElastic())
                .map(patch -> team().patch()
                        .uri(PATH + "/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(patch)
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).containsOnly(200);
        team().get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Concurrent name")
                .jsonPath("$.hypothesis")
                .isEqualTo("Concurrent hypothesis")
                .jsonPath("$.eligiblePopulation")
                .isEqualTo(5000)
                .jsonPath("$.minimumStarters")
                .isEqualTo(250)
                .jsonPath("$.sharedWithNetwork")
                .isEqualTo(true)
                .jsonPath("$.guardrailKpis[0]")
                .isEqualTo("digital_take_up")
                .jsonPath("$.version")
                .isEqualTo(1 + patches.size());
    }

    @Test
    void whenStartsRaceThenExactlyOneWinsAndTheOthersAreConflicts() {
        String id = team().create();
        List<Integer> statuses = Flux.range(0, 6)
                .parallel(6)
                .runOn(Schedulers.boundedElastic())
                .map(i -> team().post()
                        .uri(PATH + "/" + id + "/start")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(5);
        team().get()
                .uri(PATH + "/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2);
    }

    @Test
    void whenIfMatchRacesThenOneWinsAndTheOthersArePreconditionFailures() {
        String id = team().create();
        List<Integer> statuses = Flux.range(0, 4)
                .parallel(4)
                .runOn(Schedulers.boundedElastic())
                .map(i -> team().patch()
                        .uri(PATH + "/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"")
                        .bodyValue(Map.of("name", "writer " + i))
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block();
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses.stream().filter(s -> s == 412)).hasSize(3);
    }

    private static ExperimentSpec renamed(ExperimentSpec s, String name) {
        return new ExperimentSpec(
                name,
                s.hypothesis(),
                s.service(),
                s.variants(),
                s.controlVariant(),
                s.primaryKpi(),
                s.guardrailKpis(),
                s.eligiblePopulation(),
                s.minimumStarters(),
                s.sharedWithNetwork(),
                s.sequentialTesting(),
                s.iterationOf());
    }
}

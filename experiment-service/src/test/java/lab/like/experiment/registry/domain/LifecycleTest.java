package lab.like.experiment.registry.domain;

import static lab.like.experiment.registry.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentArchived;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentCompleted;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentPaused;
import lab.like.experiment.registry.domain.ExperimentEvent.ExperimentStarted;
import lab.like.experiment.registry.domain.Lifecycle.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {

    private static final Map<Status, Map<Action, Status>> LEGAL = Map.of(
            Status.DRAFT, Map.of(Action.START, Status.RUNNING),
            Status.RUNNING, Map.of(Action.PAUSE, Status.PAUSED, Action.COMPLETE, Status.COMPLETED),
            Status.PAUSED, Map.of(Action.START, Status.RUNNING, Action.COMPLETE, Status.COMPLETED),
            Status.COMPLETED, Map.of(Action.ARCHIVE, Status.ARCHIVED),
            Status.ARCHIVED, Map.of());

    @ParameterizedTest
    @EnumSource(Status.class)
    void whenActionIsInTheTableThenItMovesElseItIsIllegal(Status from) {
        for (Action action : Action.values()) {
            Status expected = LEGAL.get(from).get(action);
            if (expected != null) {
                assertThat(Lifecycle.next(from, action)).isEqualTo(expected);
            } else {
                assertThatThrownBy(() -> Lifecycle.next(from, action))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining("cannot " + action.verb())
                        .hasMessageContaining(from.name());
            }
        }
    }

    @Test
    void whenStartedThenRunningWithEventAndVersionBumped() {
        Experiment draft = Fixtures.draft();
        Transition t = draft.start("tester", CLOCK);
        assertThat(t.experiment().status()).isEqualTo(Status.RUNNING);
        assertThat(t.experiment().version()).isEqualTo(draft.version() + 1);
        assertThat(t.experiment().startedAt()).isEqualTo(CLOCK.instant());
        assertThat(t.event()).isInstanceOf(ExperimentStarted.class);
        assertThat(t.event().experimentId()).isEqualTo(draft.id());
        assertThat(t.event().schemaVersion()).isEqualTo(1);
        assertThat(draft.status()).isEqualTo(Status.DRAFT);
    }

    @Test
    void whenFullCycleThenDecisionRecordedAndEventsInOrder() {
        Experiment e = Fixtures.running();
        Transition paused = e.pause("tester", CLOCK);
        assertThat(paused.event()).isInstanceOf(ExperimentPaused.class);
        Transition resumed = paused.experiment().start("tester", CLOCK);
        assertThat(resumed.experiment().startedAt()).isEqualTo(e.startedAt());
        Decision decision = new Decision(Outcome.SCALE, "clear win");
        Transition completed = resumed.experiment().complete(decision, "tester", CLOCK);
        assertThat(completed.experiment().decision()).isEqualTo(decision);
        assertThat(completed.experiment().completedAt()).isNotNull();
        assertThat(((ExperimentCompleted) completed.event()).decision()).isEqualTo(decision);
        Transition archived = completed.experiment().archive("tester", CLOCK);
        assertThat(archived.event()).isInstanceOf(ExperimentArchived.class);
        assertThat(archived.experiment().status()).isEqualTo(Status.ARCHIVED);
        assertThat(archived.experiment().version()).isEqualTo(6);
    }

    @Test
    void whenIllegalThenNothingChanges() {
        Experiment draft = Fixtures.draft();
        assertThatThrownBy(() -> draft.pause("tester", CLOCK)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.archive("tester", CLOCK)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.complete(new Decision(Outcome.STOP, "x"), "tester", CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
    }

    @Test
    void whenAllocationChangesOutsideDraftThenRejected() {
        ExperimentSpec reweighted = withVariants(50, 50, "simplified");
        assertThat(Fixtures.draft().revise(reweighted, "tester", CLOCK).spec()).isEqualTo(reweighted);
        for (Experiment e : Set.of(
                Fixtures.running(), Fixtures.running().pause("tester", CLOCK).experiment())) {
            assertThatThrownBy(() -> e.revise(reweighted, "tester", CLOCK))
                    .isInstanceOf(ChangeRejectedException.class)
                    .hasMessageContaining("only in DRAFT");
        }
    }

    @Test
    void whenArchivedThenNothingChangesAndUnchangedSpecKeepsVersion() {
        Experiment archived = Fixtures.running()
                .complete(new Decision(Outcome.STOP, "no effect"), "tester", CLOCK)
                .experiment()
                .archive("tester", CLOCK)
                .experiment();
        ExperimentSpec renamed = renamed("New name");
        assertThatThrownBy(() -> archived.revise(renamed, "tester", CLOCK)).hasMessageContaining("ARCHIVED");
        Experiment running = Fixtures.running();
        assertThat(running.revise(running.spec(), "tester", CLOCK)).isSameAs(running);
        assertThat(running.revise(renamed, "tester", CLOCK).version()).isEqualTo(running.version() + 1);
        assertThat(EnumSet.allOf(Status.class)).hasSize(5);
    }

    private static ExperimentSpec renamed(String name) {
        ExperimentSpec s = Fixtures.spec();
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

    private static ExperimentSpec withVariants(int a, int b, String control) {
        ExperimentSpec s = Fixtures.spec();
        return new ExperimentSpec(
                s.name(),
                s.hypothesis(),
                s.service(),
                java.util.List.of(new Variant("control", a), new Variant("simplified", b)),
                control,
                s.primaryKpi(),
                s.guardrailKpis(),
                s.eligiblePopulation(),
                s.minimumStarters(),
                s.sharedWithNetwork(),
                s.sequentialTesting(),
                s.iterationOf());
    }
}

package lab.like.experiment.registry.domain;

import static lab.like.experiment.registry.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.HistoryEntry.Action;
import org.junit.jupiter.api.Test;

/** Pure checks of the entries the named state changes append, and of the reconstruction for old documents. */
class HistoryEntryTest {

    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofDays(3));

    @Test
    void whenRevisedThenTheEntryNamesExactlyTheChangedFields() {
        Experiment draft = Fixtures.draft();
        ExperimentSpec s = draft.spec();
        ExperimentSpec next = new ExperimentSpec(
                s.name(),
                "new hypothesis",
                s.service(),
                s.variants(),
                s.controlVariant(),
                s.primaryKpi(),
                List.of(),
                s.eligiblePopulation(),
                s.minimumStarters(),
                s.sharedWithNetwork(),
                false,
                "exp-0");
        Experiment revised = draft.revise(next, "editor", LATER);
        HistoryEntry entry = revised.history().get(1);
        assertThat(entry)
                .isEqualTo(new HistoryEntry(
                        2L,
                        LATER.instant(),
                        Action.UPDATED,
                        "editor",
                        Status.DRAFT,
                        Status.DRAFT,
                        List.of("hypothesis", "guardrailKpis", "sequentialTesting", "iterationOf"),
                        null));
        assertThat(draft.revise(s, "editor", LATER).history()).hasSize(1);
    }

    @Test
    void whenAnOldArchivedDocumentIsReadThenTheArchiveIsItsLastKnownChange() {
        Experiment archived = Fixtures.running()
                .complete(new Decision(Outcome.SCALE, "won"), "lead", LATER)
                .experiment()
                .archive("lead", LATER)
                .experiment();
        Experiment old = archived.withHistory(List.of());
        List<HistoryEntry> rebuilt = LegacyHistory.ensure(old).history();
        assertThat(rebuilt.stream().map(HistoryEntry::action))
                .containsExactly(Action.CREATED, Action.STARTED, Action.COMPLETED, Action.ARCHIVED);
        assertThat(rebuilt.stream().map(HistoryEntry::version)).containsExactly(1L, null, null, 4L);
        assertThat(rebuilt.stream().map(HistoryEntry::by)).containsOnly(HistoryEntry.UNKNOWN_CALLER);
        assertThat(rebuilt.get(1).at()).isEqualTo(CLOCK.instant());
        assertThat(rebuilt.get(2).at()).isEqualTo(LATER.instant());
        assertThat(rebuilt.get(2).decision()).isEqualTo(new Decision(Outcome.SCALE, "won"));
        assertThat(rebuilt.get(3).from()).isEqualTo(Status.COMPLETED);
        assertThat(LegacyHistory.ensure(archived)).isSameAs(archived);
    }

    @Test
    void whenAnOldRunningDocumentWasLastStartedThenTheStartCarriesTheVersion() {
        Experiment old = Fixtures.running().withHistory(List.of());
        List<HistoryEntry> rebuilt = LegacyHistory.ensure(old).history();
        assertThat(rebuilt.stream().map(HistoryEntry::version)).containsExactly(1L, 2L);
        assertThat(rebuilt.get(1).changes()).containsExactly("status", "startedAt");
    }
}

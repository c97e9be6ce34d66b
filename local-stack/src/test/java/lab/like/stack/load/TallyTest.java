package lab.like.stack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void whenEventsOfEveryKindThenCountedByTheRulesOfApiMd() {
        Tally tally = new Tally();
        tally.declare("e", "control");
        tally.declare("e", "idle");
        tally.count("e", "control", "a", "exposure", "web", 0);
        tally.count("e", "control", "a", "start", "web", 0);
        tally.count("e", "control", "a", "complete", "web", 0);
        tally.count("e", "control", "a", "complete", "phone", 0);
        tally.count("e", "control", "b", "complete", "app", 0);
        tally.count("e", "control", "c", "abandon", "counter", 0);
        tally.count("e", "control", "c", "feedback", "mail", 4);
        tally.count("e", "control", "d", "feedback", "web", 3);

        Tally.Counts control = tally.expected("e").get("control");
        assertThat(control)
                .isEqualTo(new Tally.Counts(
                        4, // subjects a, b, c, d
                        2, // starters: a (start), b (a completion implies a start)
                        2, // completers a, b
                        1, // abandoners c
                        3, // completions, all channels
                        2, // digital completions: web and app, not phone
                        2, // feedback responses
                        1)); // satisfied: score 4 or 5
        assertThat(tally.expected("e").get("idle")).isEqualTo(new Tally.Counts(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(tally.events("e")).isEqualTo(8);
    }

    @Test
    void whenExperimentsAndVariantsAreCountedThenTheirOrderIsKept() {
        Tally tally = new Tally();
        tally.count("b", "simplified", "s1", "exposure", "web", 0);
        tally.count("a", "photo", "s2", "feedback", "app", 5);
        tally.count("a", "control", "s3", "start", "app", 0);
        tally.count("b", "control", "s4", "abandon", "mail", 0);
        tally.declare("c", "control");

        // experiments sorted by id; variants in the order first declared or counted
        assertThat(tally.experiments()).containsExactly("a", "b", "c");
        assertThat(tally.expected("a").keySet()).containsExactly("photo", "control");
        assertThat(tally.expected("b").keySet()).containsExactly("simplified", "control");
        assertThat(tally.expected("a").get("photo")).isEqualTo(new Tally.Counts(1, 0, 0, 0, 0, 0, 1, 1));
        assertThat(tally.events("a")).isEqualTo(2);
        assertThat(tally.events("c")).isZero();
        assertThat(tally.events("unknown")).isZero();
        assertThat(tally.expected("unknown")).isEmpty();
        assertThat(tally.totalEvents()).isEqualTo(4);
    }

    @Test
    void whenAVariantDiffersThenTheCheckSaysSo() {
        ResultsCheck.Row same = new ResultsCheck.Row("e", "control", new long[] {1, 2}, new long[] {1, 2});
        ResultsCheck.Row different = new ResultsCheck.Row("e", "control", new long[] {1, 2}, new long[] {1, 3});
        assertThat(same.exact()).isTrue();
        assertThat(different.exact()).isFalse();
        ResultsCheck.Outcome outcome = new ResultsCheck.Outcome(
                List.of(new ResultsCheck.Experiment("e", 10, 10, null, List.of(same, different))));
        assertThat(outcome.exact()).isFalse();
        assertThat(new ResultsCheck.Outcome(List.of(new ResultsCheck.Experiment("e", 10, 11, null, List.of(same))))
                        .exact())
                .isFalse();
        assertThat(new ResultsCheck.Outcome(List.of(new ResultsCheck.Experiment("e", 10, 10, null, List.of(same))))
                        .exact())
                .isTrue();
    }

    @Test
    void whenEventsCountedDifferPerExperimentButNotInSumThenTheCheckSaysSo() {
        ResultsCheck.Row row = new ResultsCheck.Row("e", "control", new long[] {1}, new long[] {1});
        ResultsCheck.Outcome outcome = new ResultsCheck.Outcome(List.of(
                new ResultsCheck.Experiment("e", 10, 11, null, List.of(row)),
                new ResultsCheck.Experiment("f", 10, 9, null, List.of(row))));
        assertThat(outcome.expectedEvents()).isEqualTo(outcome.countedEvents());
        assertThat(outcome.exact()).isFalse();
    }

    @Test
    void whenResultsAreUnreadableThenTheCheckIsNotExact() {
        ResultsCheck.Row missing = new ResultsCheck.Row("e", "control", new long[] {0}, new long[] {-1});
        ResultsCheck.Row read = new ResultsCheck.Row("f", "control", new long[] {1}, new long[] {1});
        ResultsCheck.Outcome outcome = new ResultsCheck.Outcome(List.of(
                new ResultsCheck.Experiment("e", 0, -1, "503", List.of(missing)),
                new ResultsCheck.Experiment("f", 4, 4, null, List.of(read))));
        assertThat(outcome.exact()).isFalse();
        assertThat(outcome.unreadable()).containsExactly("e (503)");
        assertThat(outcome.rows()).containsExactly(read);
        assertThat(outcome.expectedEvents()).isEqualTo(4);
        assertThat(outcome.countedEvents()).isEqualTo(4);
        assertThat(outcome.differences()).isEqualTo(1);
    }
}

package lab.like.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    void whenTheGeneratorRepeatsAnEventThenTheTallyCountsItOnce() throws Exception {
        Tally tally = new Tally();
        JourneyGenerator generator = new JourneyGenerator(3, tally);
        ObjectMapper json = new ObjectMapper();
        Set<String> distinct = new HashSet<>();
        int sent = 0;
        for (int i = 0; i < 5_000; i++) {
            for (String event : generator.journey("exp-1", List.of("control", "simplified"))) {
                JsonNode node = json.readTree(event);
                distinct.add(node.get("eventId").asText());
                sent++;
            }
        }
        assertThat(sent).isGreaterThan(distinct.size());
        assertThat(tally.events("exp-1")).isEqualTo(distinct.size());
    }

    @Test
    void whenAVariantDiffersThenTheCheckSaysSo() {
        ResultsCheck.Row same = new ResultsCheck.Row("e", "control", new long[] {1, 2}, new long[] {1, 2});
        ResultsCheck.Row different = new ResultsCheck.Row("e", "control", new long[] {1, 2}, new long[] {1, 3});
        assertThat(same.exact()).isTrue();
        assertThat(different.exact()).isFalse();
        ResultsCheck.Outcome outcome = new ResultsCheck.Outcome(List.of(same, different), 10, 10, List.of());
        assertThat(outcome.exact()).isFalse();
        assertThat(new ResultsCheck.Outcome(List.of(same), 10, 11, List.of()).exact())
                .isFalse();
    }
}

package lab.like.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lab.like.stack.load.Tally;
import org.junit.jupiter.api.Test;

class JourneyGeneratorTest {

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
}

package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.like.metrics.aggregation.json.AggregateMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pins the kpi-aggregates record to docs/schemas/kpi-aggregate.schema.json. */
class AggregateMessageJsonTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenSerialisedThenFieldsAreExactlyThoseOfTheSchema() throws Exception {
        JsonNode schema =
                json.readTree(Files.readString(Path.of("..", "docs", "schemas", "kpi-aggregate.schema.json")));
        Aggregate aggregate = Aggregate.empty();
        aggregate.count(
                AggregateTest.event("s", EventType.COMPLETE, Channel.WEB, 5000L, null),
                SubjectFlags.of(EventType.COMPLETE),
                1000);
        var message = AggregateMessage.of(
                new AggregateKey("exp-1", "control", "2026-11-27"),
                aggregate.totals(),
                Instant.parse("2026-11-27T10:00:00Z"));

        JsonNode node = json.readTree(json.writeValueAsBytes(message));

        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asString()));
        assertThat(node.propertyNames()).containsExactlyInAnyOrderElementsOf(required);
        assertThat(node.path("emittedAt").asString()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(node.path("day").asString()).isEqualTo("2026-11-27");
        assertThat(node.path("durationSketch").isString()).isTrue();
        assertThat(json.readValue(json.writeValueAsBytes(message), AggregateMessage.class)
                        .version())
                .isEqualTo(1);
    }

    @Test
    void whenAggregateKeyRoundTripsThenDayIsNullForTotals() {
        assertThat(AggregateKey.parse(AggregateKey.total("exp|odd", "b").asString()))
                .isEqualTo(new AggregateKey("exp|odd", "b", null));
        assertThat(AggregateKey.parse("exp|b|2026-11-27")).isEqualTo(new AggregateKey("exp", "b", "2026-11-27"));
    }
}

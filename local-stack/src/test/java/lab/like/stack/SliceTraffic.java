package lab.like.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Usage events of citizens with known variants, and the counts they must produce in the results. */
final class SliceTraffic {

    private final String id;
    private final UnaryOperator<String> assignment;
    final List<Map<String, Object>> events = new ArrayList<>();
    final Map<String, Counts> expected = new HashMap<>();

    SliceTraffic(String id, UnaryOperator<String> assignment) {
        this.id = id;
        this.assignment = assignment;
    }

    /**
     * Kinds: 0 only sees the page, 1 starts and leaves, 2 starts and completes, 3 completes without a start
     * event (a completion implies a start). Without variant, the service must assign the same one.
     */
    void journey(String subject, int kind, boolean withoutVariant) {
        String variant = assignment.apply(subject);
        Instant at = Instant.now().minusSeconds(120);
        add(subject, variant, "exposure", at, withoutVariant);
        if (kind == 1 || kind == 2) {
            add(subject, variant, "start", at.plusSeconds(5), withoutVariant);
        }
        if (kind == 1) {
            add(subject, variant, "abandon", at.plusSeconds(30), withoutVariant);
        }
        if (kind == 2 || kind == 3) {
            add(subject, variant, "complete", at.plusSeconds(60), withoutVariant)
                    .put("durationMs", 55_000);
        }
        Counts before = expected.getOrDefault(variant, new Counts(0, 0, 0, 0));
        expected.put(variant, before.plus(kind >= 1, kind >= 2, kind >= 2 ? 1 : 0));
    }

    /** The last event sent again with the same eventId: it must count once. */
    void duplicateOfLast() {
        events.add(new HashMap<>(events.get(events.size() - 1)));
    }

    private Map<String, Object> add(String subject, String variant, String type, Instant at, boolean withoutVariant) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("experimentId", id);
        event.put("subjectId", subject);
        if (!withoutVariant) {
            event.put("variant", variant);
        }
        event.put("type", type);
        event.put("channel", "web");
        event.put("occurredAt", at.toString());
        events.add(event);
        return event;
    }

    /** The counts the results must show for one variant. */
    record Counts(long subjects, long starters, long completers, long completions) {

        static Map<String, Counts> of(JsonNode results) {
            Map<String, Counts> counts = new HashMap<>();
            for (JsonNode v : results.path("variants")) {
                Counts c = new Counts(
                        v.path("subjects").asLong(),
                        v.path("starters").asLong(),
                        v.path("completers").asLong(),
                        v.path("completions").asLong());
                if (!c.equals(new Counts(0, 0, 0, 0))) {
                    counts.put(v.path("variant").asText(), c);
                }
            }
            return counts;
        }

        Counts plus(boolean starter, boolean completer, long moreCompletions) {
            return new Counts(
                    subjects + 1,
                    starters + (starter ? 1 : 0),
                    completers + (completer ? 1 : 0),
                    completions + moreCompletions);
        }
    }
}

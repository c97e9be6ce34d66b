package lab.like.metrics.projection;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.aggregation.json.AggregateMessage;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The documents of the {@code aggregates} and {@code experiments} collections, both ways: what the projection
 * writes and what the results side reads back. Field names and types are those stored since the first version
 * (the counters as top-level int64 fields); a field missing from an older document reads as 0 or null.
 */
public final class AggregateDocuments {

    private AggregateDocuments() {}

    static Document aggregate(String id, AggregateMessage m) {
        Document doc = new Document("_id", id)
                .append("experimentId", m.experimentId())
                .append("variant", m.variant())
                .append("day", m.day())
                .append("version", m.version());
        Counts c = m.counts();
        return doc.append("subjects", c.subjects())
                .append("starters", c.starters())
                .append("completers", c.completers())
                .append("abandoners", c.abandoners())
                .append("completions", c.completions())
                .append("digitalCompletions", c.digitalCompletions())
                .append("feedbackResponses", c.feedbackResponses())
                .append("satisfiedResponses", c.satisfiedResponses())
                .append("scoreSum", c.scoreSum())
                .append("medianDurationMs", m.medianDurationMs())
                .append("p90DurationMs", m.p90DurationMs())
                .append("durationSketch", new Binary(m.durationSketch() == null ? new byte[0] : m.durationSketch()))
                .append("lastEventAt", Date.from(m.lastEventAt()))
                .append("emittedAt", Date.from(m.emittedAt()));
    }

    /** The counters of an {@code aggregates} document. */
    public static Counts counts(Document d) {
        return new Counts(
                number(d, "subjects"),
                number(d, "starters"),
                number(d, "completers"),
                number(d, "abandoners"),
                number(d, "completions"),
                number(d, "digitalCompletions"),
                number(d, "feedbackResponses"),
                number(d, "satisfiedResponses"),
                number(d, "scoreSum"));
    }

    static Document experiment(ExperimentDefinition e) {
        return new Document("_id", e.id())
                .append("organisation", e.organisation())
                .append("status", e.status().name())
                .append(
                        "variants",
                        e.variants().stream()
                                .map(v -> new Document("key", v.key()).append("weight", v.weight()))
                                .toList())
                .append("controlVariant", e.controlVariant())
                .append("primaryKpi", e.primaryKpi())
                .append("guardrailKpis", e.guardrailKpis())
                .append("eligiblePopulation", e.eligiblePopulation())
                .append("minimumStarters", e.minimumStarters())
                .append("sequentialTesting", e.sequentialTesting())
                .append("version", e.version());
    }

    /** An {@code experiments} document as a definition (without its salt, which is not stored). */
    public static ExperimentDefinition definition(Document d) {
        List<ExperimentDefinition.Variant> variants = new ArrayList<>();
        for (Document v : d.getList("variants", Document.class, List.of())) {
            variants.add(new ExperimentDefinition.Variant(v.getString("key"), ((Number) v.get("weight")).intValue()));
        }
        return new ExperimentDefinition(
                d.getString("_id"),
                d.getString("organisation"),
                ExperimentStatus.parse(d.getString("status")).orElse(ExperimentStatus.DRAFT),
                List.copyOf(variants),
                d.getString("controlVariant"),
                d.getString("primaryKpi"),
                List.copyOf(d.getList("guardrailKpis", String.class, List.of())),
                optional(d, "eligiblePopulation"),
                optional(d, "minimumStarters"),
                "",
                number(d, "version"),
                !Boolean.FALSE.equals(d.get("sequentialTesting")));
    }

    public static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    public static Long optional(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : null;
    }
}

package lab.like.metrics.results.store;

import java.util.Date;
import lab.like.metrics.aggregation.AggregateMessage;
import lab.like.metrics.aggregation.ExperimentDefinition;
import org.bson.Document;
import org.bson.types.Binary;

/** Maps emitted totals and experiment definitions to the documents stored in MongoDB. */
final class AggregateDocuments {

    private AggregateDocuments() {}

    static Document aggregate(String id, AggregateMessage m) {
        return new Document("_id", id)
                .append("experimentId", m.experimentId())
                .append("variant", m.variant())
                .append("day", m.day())
                .append("version", m.version())
                .append("subjects", m.subjects())
                .append("starters", m.starters())
                .append("completers", m.completers())
                .append("abandoners", m.abandoners())
                .append("completions", m.completions())
                .append("digitalCompletions", m.digitalCompletions())
                .append("feedbackResponses", m.feedbackResponses())
                .append("satisfiedResponses", m.satisfiedResponses())
                .append("scoreSum", m.scoreSum())
                .append("medianDurationMs", m.medianDurationMs())
                .append("p90DurationMs", m.p90DurationMs())
                .append("durationSketch", new Binary(m.durationSketch() == null ? new byte[0] : m.durationSketch()))
                .append("lastEventAt", Date.from(m.lastEventAt()))
                .append("emittedAt", Date.from(m.emittedAt()));
    }

    static Document experiment(ExperimentDefinition e) {
        return new Document("_id", e.id())
                .append("organisation", e.organisation())
                .append("status", e.status())
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
}

package lab.like.metrics.pilots.store;

import java.util.Date;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import org.bson.Document;

/** Maps a pilot to and from its document in the {@code pilots} collection. */
final class PilotDocuments {

    private PilotDocuments() {}

    static Document document(Pilot p) {
        return new Document("_id", p.id())
                .append("organisation", p.organisation())
                .append("service", p.service())
                .append("name", p.name())
                .append("status", p.status().name())
                .append(
                        "decisionOutcome",
                        p.decision() == null ? null : p.decision().outcome().name())
                .append(
                        "decisionRationale",
                        p.decision() == null ? null : p.decision().rationale())
                .append("startedAt", p.startedAt() == null ? null : Date.from(p.startedAt()))
                .append("completedAt", p.completedAt() == null ? null : Date.from(p.completedAt()))
                .append("iterationOf", p.iterationOf())
                .append("sharedWithNetwork", p.sharedWithNetwork())
                .append("controlVariant", p.controlVariant())
                .append("primaryKpi", p.primaryKpi())
                .append("version", p.version());
    }

    static Pilot pilot(Document d) {
        Outcome outcome = Outcome.parse(d.getString("decisionOutcome")).orElse(null);
        Date started = d.getDate("startedAt");
        Date completed = d.getDate("completedAt");
        return new Pilot(
                d.getString("_id"),
                d.getString("organisation"),
                d.getString("service"),
                d.getString("name"),
                ExperimentStatus.parse(d.getString("status")).orElse(ExperimentStatus.DRAFT),
                outcome == null ? null : new Pilot.Decision(outcome, d.getString("decisionRationale")),
                started == null ? null : started.toInstant(),
                completed == null ? null : completed.toInstant(),
                d.getString("iterationOf"),
                Boolean.TRUE.equals(d.getBoolean("sharedWithNetwork")),
                d.getString("controlVariant"),
                d.getString("primaryKpi"),
                ((Number) d.get("version")).longValue());
    }
}

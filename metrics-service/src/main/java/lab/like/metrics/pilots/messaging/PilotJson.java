package lab.like.metrics.pilots.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import lab.like.metrics.aggregation.ExperimentStatus;
import lab.like.metrics.pilots.Outcome;
import lab.like.metrics.pilots.Pilot;
import tools.jackson.databind.JsonNode;

/** Reads a pilot from an {@code experiments} topic record (CONTRACTS.md, experiment.schema.json). */
final class PilotJson {

    private PilotJson() {}

    /** Empty when the record lacks what every view needs (id, organisation, service, status, version). */
    static Optional<Pilot> parse(JsonNode node) {
        if (node == null || !node.isObject()) return Optional.empty();
        String id = text(node, "id");
        String organisation = text(node, "organisation");
        String service = text(node, "service");
        ExperimentStatus status = ExperimentStatus.parse(text(node, "status")).orElse(null);
        if (id == null || organisation == null || service == null || status == null) return Optional.empty();
        if (!node.path("version").isIntegralNumber()) return Optional.empty();
        JsonNode d = node.path("decision");
        Outcome outcome = d.isObject() ? Outcome.parse(text(d, "outcome")).orElse(null) : null;
        Pilot.Decision decision = outcome == null ? null : new Pilot.Decision(outcome, text(d, "rationale"));
        return Optional.of(new Pilot(
                id,
                organisation,
                service,
                text(node, "name"),
                status,
                decision,
                instant(node, "startedAt"),
                instant(node, "completedAt"),
                text(node, "iterationOf"),
                node.path("sharedWithNetwork").asBoolean(false),
                text(node, "controlVariant"),
                node.path("primaryKpi").isString() ? node.path("primaryKpi").stringValue() : "completion_rate",
                node.path("version").longValue()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

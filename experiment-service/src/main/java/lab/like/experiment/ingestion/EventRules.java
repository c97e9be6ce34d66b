package lab.like.experiment.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.like.experiment.assignment.Assigner;
import lab.like.experiment.registry.Experiment;
import lab.like.experiment.registry.Variant;
import tools.jackson.databind.JsonNode;

/**
 * API.md's usage-event rules, checked strictly on the JSON tree (a value of the wrong type is invalid, never
 * coerced or interpreted). Every broken rule is named in the rejection; its code is the first by CONTRACTS.md's
 * order (unknown field, invalid field, unknown experiment, not running, unknown variant, out of window), the
 * same as metrics-service's Kafka rules: both replay {@code docs/event-rules-cases.json}. A valid event leaves as a {@link UsageEventRecord} with the variant assigned if
 * absent and the subject id replaced by its keyed hash.
 */
public final class EventRules {

    static final Set<String> FIELDS = Set.of(
            "eventId", "experimentId", "subjectId", "variant", "type", "channel", "occurredAt", "durationMs", "score");
    static final Set<String> TYPES = Set.of("exposure", "start", "complete", "abandon", "feedback");
    static final Set<String> CHANNELS = Set.of("web", "app", "phone", "counter", "mail");
    static final long MAX_DURATION_MS = 86_400_000L;

    private final SubjectHasher hasher;
    private final Duration maxFuture;
    private final Duration maxAge;

    public EventRules(SubjectHasher hasher, Duration maxFuture, Duration maxAge) {
        this.hasher = hasher;
        this.maxFuture = maxFuture;
        this.maxAge = maxAge;
    }

    /** Either {@code accepted} or {@code rejected} is set. */
    public record Verdict(UsageEventRecord accepted, Rejection rejected) {}

    /** {@code experiments}: the RUNNING or not experiments the caller may see, by id. */
    public Verdict check(int index, JsonNode event, Map<String, Experiment> experiments, Instant now) {
        if (event == null || !event.isObject()) {
            return reject(
                    index, null, List.of(new Violation(RejectReason.NOT_AN_OBJECT, "event must be a JSON object")));
        }
        EventReader in = new EventReader(event);
        for (String field : event.propertyNames()) {
            if (!FIELDS.contains(field)) {
                in.violation(RejectReason.UNKNOWN_FIELD, "unknown field '" + EventReader.clip(field) + "'");
            }
        }
        String eventId = in.string("eventId", true, 100);
        String experimentId = in.string("experimentId", true, 200);
        String subjectId = in.string("subjectId", true, 200);
        String variant = in.string("variant", false, 100);
        String type = in.oneOf("type", true, TYPES);
        String channel = in.oneOf("channel", false, CHANNELS);
        Instant occurredAt = occurredAt(in);
        Long durationMs = in.integer("durationMs", 0, MAX_DURATION_MS);
        Long score = in.integer("score", 1, 5);
        if (durationMs != null && type != null && !type.equals("complete")) {
            in.violation(RejectReason.INVALID_FIELD, "durationMs is allowed only on 'complete' events");
        }
        if (type != null && type.equals("feedback") && score == null && !in.present("score")) {
            in.violation(RejectReason.INVALID_FIELD, "score is required on 'feedback' events: an integer 1 to 5");
        } else if (type != null && !type.equals("feedback") && in.present("score")) {
            in.violation(RejectReason.INVALID_FIELD, "score is allowed only on 'feedback' events");
        }
        Experiment experiment = experimentId == null ? null : experiments.get(experimentId);
        if (experimentId != null && experiment == null) {
            in.violation(
                    RejectReason.UNKNOWN_EXPERIMENT, "unknown experiment '" + EventReader.clip(experimentId) + "'");
        } else if (experiment != null && !experiment.isRunning()) {
            in.violation(
                    RejectReason.NOT_RUNNING,
                    "experiment '" + experimentId + "' is " + experiment.status()
                            + ", not RUNNING: events are accepted only while it runs");
        } else if (experiment != null && variant != null && !keys(experiment).contains(variant)) {
            in.violation(
                    RejectReason.UNKNOWN_VARIANT,
                    "unknown variant '" + EventReader.clip(variant) + "'; the experiment's variants are "
                            + keys(experiment));
        }
        window(in, occurredAt, now);
        if (!in.violations().isEmpty()) {
            return reject(index, eventId != null ? eventId : in.rawEventId(), in.violations());
        }
        String assigned = variant != null
                ? variant
                : Assigner.assign(experiment, subjectId).variant();
        return new Verdict(
                new UsageEventRecord(
                        UsageEventRecord.SCHEMA_VERSION,
                        eventId,
                        experimentId,
                        hasher.hash(subjectId),
                        assigned,
                        type,
                        channel == null ? "web" : channel,
                        occurredAt,
                        durationMs,
                        score == null ? null : score.intValue(),
                        now),
                null);
    }

    private static Instant occurredAt(EventReader in) {
        String text = in.string("occurredAt", true, 64);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            in.violation(
                    RejectReason.INVALID_FIELD,
                    "occurredAt must be an ISO-8601 UTC instant such as 2026-11-27T10:00:00Z");
            return null;
        }
    }

    /** Checked after everything else: the time window is the last rule (CONTRACTS.md's order of reasons). */
    private void window(EventReader in, Instant at, Instant now) {
        if (at == null) {
            return;
        }
        if (at.isAfter(now.plus(maxFuture))) {
            in.violation(
                    RejectReason.OUT_OF_WINDOW,
                    "occurredAt is more than " + maxFuture.toMinutes()
                            + " minutes in the future; check the sender's clock");
        } else if (at.isBefore(now.minus(maxAge))) {
            in.violation(
                    RejectReason.OUT_OF_WINDOW,
                    "occurredAt is more than " + maxAge.toDays() + " days old; such events are no longer accepted");
        }
    }

    private static List<String> keys(Experiment experiment) {
        return experiment.spec().variants().stream().map(Variant::key).toList();
    }

    private static Verdict reject(int index, String eventId, List<Violation> violations) {
        String reason = violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        return new Verdict(
                null, new Rejection(index, eventId, reason, violations.get(0).code()));
    }

    record Violation(RejectReason code, String message) {}

    static List<Violation> none() {
        return new ArrayList<>();
    }
}

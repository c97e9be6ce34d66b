package lab.like.experiment.ingestion.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.like.experiment.assignment.Assigner;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.Variant;

/**
 * API.md's usage-event rules on a {@link SubmittedEvent} (read strictly from JSON by the web adapter: a value of
 * the wrong type is invalid, never coerced or interpreted). Every broken rule is named in the rejection; its code is the first by CONTRACTS.md's
 * order (unknown field, invalid field, unknown experiment, not running, unknown variant, out of window), the
 * same as metrics-service's Kafka rules: both replay {@code docs/event-rules-cases.json}. A valid event leaves as a {@link UsageEventRecord} with the variant assigned if
 * absent and the subject id replaced by its keyed hash.
 */
public final class EventRules {

    /** The fields of a usage event (API.md). */
    public static final Set<String> FIELDS = Set.of(
            "eventId", "experimentId", "subjectId", "variant", "type", "channel", "occurredAt", "durationMs", "score");

    public static final Set<String> TYPES = Set.of("exposure", "start", "complete", "abandon", "feedback");
    public static final Set<String> CHANNELS = Set.of("web", "app", "phone", "counter", "mail");
    public static final long MAX_DURATION_MS = 86_400_000L;

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
    public Verdict check(int index, SubmittedEvent event, Map<String, Experiment> experiments, Instant now) {
        if (!event.object()) {
            return reject(
                    index, null, List.of(new Violation(RejectReason.NOT_AN_OBJECT, "event must be a JSON object")));
        }
        List<Violation> violations = new ArrayList<>(event.readViolations());
        String type = event.type();
        if (event.durationMs() != null && type != null && !type.equals("complete")) {
            violations.add(
                    new Violation(RejectReason.INVALID_FIELD, "durationMs is allowed only on 'complete' events"));
        }
        if (type != null && type.equals("feedback") && event.score() == null && !event.scoreGiven()) {
            violations.add(new Violation(
                    RejectReason.INVALID_FIELD, "score is required on 'feedback' events: an integer 1 to 5"));
        } else if (type != null && !type.equals("feedback") && event.scoreGiven()) {
            violations.add(new Violation(RejectReason.INVALID_FIELD, "score is allowed only on 'feedback' events"));
        }
        String experimentId = event.experimentId();
        String variant = event.variant();
        Experiment experiment = experimentId == null ? null : experiments.get(experimentId);
        if (experimentId != null && experiment == null) {
            violations.add(
                    new Violation(RejectReason.UNKNOWN_EXPERIMENT, "unknown experiment '" + clip(experimentId) + "'"));
        } else if (experiment != null && !experiment.isRunning()) {
            violations.add(new Violation(
                    RejectReason.NOT_RUNNING,
                    "experiment '" + experimentId + "' is " + experiment.status()
                            + ", not RUNNING: events are accepted only while it runs"));
        } else if (experiment != null && variant != null && !keys(experiment).contains(variant)) {
            violations.add(new Violation(
                    RejectReason.UNKNOWN_VARIANT,
                    "unknown variant '" + clip(variant) + "'; the experiment's variants are " + keys(experiment)));
        }
        window(violations, event.occurredAt(), now);
        if (!violations.isEmpty()) {
            return reject(index, event.eventId() != null ? event.eventId() : event.sentEventId(), violations);
        }
        String assigned = variant != null
                ? variant
                : Assigner.assign(experiment, event.subjectId()).variant();
        return new Verdict(
                new UsageEventRecord(
                        UsageEventRecord.SCHEMA_VERSION,
                        event.eventId(),
                        experimentId,
                        hasher.hash(event.subjectId()),
                        assigned,
                        type,
                        event.channel() == null ? "web" : event.channel(),
                        event.occurredAt(),
                        event.durationMs(),
                        event.score() == null ? null : event.score().intValue(),
                        now),
                null);
    }

    /** A value as it may be quoted in a message: at most 100 characters. */
    public static String clip(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** Checked after everything else: the time window is the last rule (CONTRACTS.md's order of reasons). */
    private void window(List<Violation> violations, Instant at, Instant now) {
        if (at == null) {
            return;
        }
        if (at.isAfter(now.plus(maxFuture))) {
            violations.add(new Violation(
                    RejectReason.OUT_OF_WINDOW,
                    "occurredAt is more than " + maxFuture.toMinutes()
                            + " minutes in the future; check the sender's clock"));
        } else if (at.isBefore(now.minus(maxAge))) {
            violations.add(new Violation(
                    RejectReason.OUT_OF_WINDOW,
                    "occurredAt is more than " + maxAge.toDays() + " days old; such events are no longer accepted"));
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
}

package lab.like.metrics.aggregation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * API.md's usage event rules as applied on the Kafka path, in CONTRACTS.md's order: shape (unknown fields, then
 * every field), record key, experiment known and owned by the topic's organisation, RUNNING, variant, time
 * window. Every event gets the full rules, pre-hashed ones from the internal topic too. An organisation topic
 * takes API.md's event only (a raw {@code subjectId}; {@code subjectHash} is refused there as an unknown field);
 * the internal topic, written only by experiment-service, also takes its pseudonymised form. Time limits are
 * relative to the Kafka record timestamp, so a replay gives the same verdict.
 */
public final class EventRules {

    static final Duration MAX_AGE = Duration.ofDays(30);
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final long MAX_DURATION_MS = 86_400_000L;

    private final Pseudonymiser pseudonymiser;

    public EventRules(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** An event of the internal topic. */
    public Verdict check(
            RawEvent raw, String recordKey, long recordTimestamp, Function<String, ExperimentDefinition> experiments) {
        return check(raw, recordKey, recordTimestamp, Origin.INTERNAL, experiments);
    }

    public Verdict check(
            RawEvent raw,
            String recordKey,
            long recordTimestamp,
            Origin origin,
            Function<String, ExperimentDefinition> experiments) {
        if (raw == null) return Verdict.reject(RejectReason.NOT_AN_OBJECT, "event must be a JSON object");
        if (raw.unknownField() != null) return unknownField(raw.unknownField());
        if (!origin.allowsInternalFields() && raw.internalField() != null) return unknownField(raw.internalField());
        String organisation = origin.organisation();
        String eventId = text(raw.eventId());
        if (!length(eventId, 100)) return invalid("eventId must be a string of 1 to 100 characters");
        String experimentId = text(raw.experimentId());
        if (!length(experimentId, 200)) return invalid("experimentId must be a string of 1 to 200 characters");
        String subjectId = text(raw.subjectId());
        String subjectHash = text(raw.subjectHash());
        if (subjectHash != null && raw.subjectId() == null) {
            if (!HASH.matcher(subjectHash).matches()) return invalid("subjectHash must be 22 base64url characters");
            if (raw.variant() == null) return invalid("variant is required with subjectHash");
        } else if (!length(subjectId, 200) || raw.subjectHash() != null) {
            return invalid("subjectId must be a string of 1 to 200 characters");
        }
        String variant = raw.variant();
        if (variant != null && !length(text(variant), 100)) {
            return invalid("variant must be a string of 1 to 100 characters");
        }
        EventType type = EventType.parse(textOr(raw.type(), "")).orElse(null);
        if (type == null) return invalid("type must be exposure, start, complete, abandon or feedback");
        Channel channel = Channel.parse(textOr(raw.channel(), "web")).orElse(null);
        if (channel == null) return invalid("channel must be web, app, phone, counter or mail");
        Instant occurredAt = instant(text(raw.occurredAt()));
        if (occurredAt == null) return invalid("occurredAt must be an ISO-8601 instant");
        boolean duration = raw.durationMs() != null || raw.badDuration();
        if (duration && (type != EventType.COMPLETE || !inRange(raw.durationMs(), 0, MAX_DURATION_MS))) {
            return invalid("durationMs is an integer 0-86400000, only on complete");
        }
        boolean score = raw.score() != null || raw.badScore();
        if (type == EventType.FEEDBACK ? !score || !inRange(raw.score(), 1, 5) : score) {
            return invalid("score is required on feedback (integer 1-5) and absent otherwise");
        }
        if (!experimentId.equals(recordKey)) {
            return Verdict.reject(RejectReason.KEY_MISMATCH, "record key must be the experimentId");
        }
        ExperimentDefinition experiment = experiments.apply(experimentId);
        if (experiment == null) return Verdict.reject(RejectReason.UNKNOWN_EXPERIMENT, "unknown experiment");
        if (organisation != null && !organisation.equals(experiment.organisation())) {
            return Verdict.reject(
                    RejectReason.FOREIGN_EXPERIMENT, "the experiment does not belong to this topic's organisation");
        }
        if (!experiment.running()) return Verdict.reject(RejectReason.NOT_RUNNING, "experiment is not RUNNING");
        if (variant != null && !experiment.hasVariant(variant)) {
            return Verdict.reject(RejectReason.UNKNOWN_VARIANT, "unknown variant '" + clip(variant) + "'");
        }
        Instant received = Instant.ofEpochMilli(recordTimestamp);
        if (occurredAt.isBefore(received.minus(MAX_AGE)) || occurredAt.isAfter(received.plus(MAX_AHEAD))) {
            return Verdict.reject(RejectReason.OUT_OF_WINDOW, "occurredAt more than 30 days old or 5 minutes ahead");
        }
        boolean hashed = subjectId == null;
        return new Verdict.Accepted(new CountableEvent(
                eventId,
                experimentId,
                hashed ? subjectHash : pseudonymiser.hash(subjectId),
                variant != null ? variant : VariantAssigner.assign(experiment, subjectId),
                type,
                channel,
                occurredAt,
                raw.durationMs(),
                raw.score() == null ? null : raw.score().intValue()));
    }

    private static Verdict unknownField(String name) {
        return Verdict.reject(RejectReason.UNKNOWN_FIELD, "unknown field '" + clip(name) + "'");
    }

    private static Verdict invalid(String detail) {
        return Verdict.reject(RejectReason.INVALID_FIELD, detail);
    }

    private static String text(String value) {
        return value == RawEvent.NOT_A_STRING ? null : value;
    }

    private static boolean length(String value, int max) {
        return value != null && !value.isEmpty() && value.length() <= max;
    }

    private static String textOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String clip(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static boolean inRange(Long value, long min, long max) {
        return value != null && value >= min && value <= max;
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            Instant fast = IsoInstants.parseSimple(text);
            return fast != null ? fast : Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}

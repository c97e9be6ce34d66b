package lab.like.metrics.aggregation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * API.md's usage event rules as applied on the Kafka path. Raw events ({@code subjectId}) are checked fully,
 * assigned and pseudonymised; events with a {@code subjectHash} come validated from experiment-service and are
 * checked for shape only. Time limits are relative to the Kafka record timestamp, so a replay gives the same
 * verdict.
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

    public Verdict check(
            RawEvent raw, String recordKey, long recordTimestamp, Function<String, ExperimentDefinition> experiments) {
        if (raw == null) return Verdict.reject(RejectReason.MALFORMED, "not a JSON object");
        String eventId = text(raw.eventId());
        if (eventId == null || eventId.isEmpty() || eventId.length() > 100) {
            return invalid("eventId must be 1-100 characters");
        }
        String experimentId = text(raw.experimentId());
        if (experimentId == null || experimentId.isEmpty()) return invalid("experimentId is required");
        if (!experimentId.equals(recordKey)) {
            return Verdict.reject(RejectReason.KEY_MISMATCH, "record key must be the experimentId");
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
        if (raw.variant() == RawEvent.NOT_A_STRING) return invalid("variant must be a string");
        String variant = raw.variant();
        Long durationMs = raw.durationMs();
        Integer scoreValue = raw.score() == null ? null : raw.score().intValue();

        String subjectId = text(raw.subjectId());
        String subjectHash = text(raw.subjectHash());
        ExperimentDefinition experiment = experiments.apply(experimentId);
        if (subjectHash != null && subjectId == null) {
            if (!HASH.matcher(subjectHash).matches()) return invalid("subjectHash must be 22 base64url characters");
            if (variant == null) return invalid("variant is required with subjectHash");
            if (experiment != null && !experiment.hasVariant(variant)) {
                return Verdict.reject(RejectReason.UNKNOWN_VARIANT, "unknown variant '" + variant + "'");
            }
            return accepted(
                    eventId, experimentId, subjectHash, variant, type, channel, occurredAt, durationMs, scoreValue);
        }
        if (subjectId == null || subjectId.isEmpty() || subjectId.length() > 200 || subjectHash != null) {
            return invalid("subjectId must be 1-200 characters");
        }
        if (experiment == null) return Verdict.reject(RejectReason.UNKNOWN_EXPERIMENT, "unknown experiment");
        if (!experiment.running()) return Verdict.reject(RejectReason.NOT_RUNNING, "experiment is not RUNNING");
        if (variant != null && !experiment.hasVariant(variant)) {
            return Verdict.reject(RejectReason.UNKNOWN_VARIANT, "unknown variant '" + variant + "'");
        }
        Instant received = Instant.ofEpochMilli(recordTimestamp);
        if (occurredAt.isBefore(received.minus(MAX_AGE)) || occurredAt.isAfter(received.plus(MAX_AHEAD))) {
            return Verdict.reject(RejectReason.OUT_OF_WINDOW, "occurredAt more than 30 days old or 5 minutes ahead");
        }
        String resolved = variant != null ? variant : VariantAssigner.assign(experiment, subjectId);
        return accepted(
                eventId,
                experimentId,
                pseudonymiser.hash(subjectId),
                resolved,
                type,
                channel,
                occurredAt,
                durationMs,
                scoreValue);
    }

    private static Verdict accepted(
            String eventId,
            String experimentId,
            String subjectHash,
            String variant,
            EventType type,
            Channel channel,
            Instant occurredAt,
            Long durationMs,
            Integer score) {
        return new Verdict.Accepted(new CountableEvent(
                eventId, experimentId, subjectHash, variant, type, channel, occurredAt, durationMs, score));
    }

    private static Verdict invalid(String detail) {
        return Verdict.reject(RejectReason.INVALID_FIELD, detail);
    }

    private static String text(String value) {
        return value == RawEvent.NOT_A_STRING ? null : value;
    }

    private static String textOr(String value, String fallback) {
        return value == null ? fallback : value;
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

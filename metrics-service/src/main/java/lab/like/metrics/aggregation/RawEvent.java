package lab.like.metrics.aggregation;

/**
 * The fields of a usage event as read, before any rule is applied. A string field is null when absent or
 * null, and {@link #NOT_A_STRING} when it held another JSON type; a number field is null when absent or null,
 * and {@code badNumber} marks a value that is not an integer in the long range. {@code unknownField} is the
 * first field that is neither API.md's nor the internal topic's; {@code internalField} the first of the fields
 * only the internal topic's events carry ({@code subjectHash}, {@code schemaVersion}, {@code receivedAt}), each
 * null when there is none.
 */
public record RawEvent(
        String eventId,
        String experimentId,
        String subjectId,
        String subjectHash,
        String variant,
        String type,
        String channel,
        String occurredAt,
        Long durationMs,
        boolean badDuration,
        Long score,
        boolean badScore,
        String unknownField,
        String internalField) {

    /** The fields experiment-service adds on the internal topic, unknown to API.md's event. */
    public static final java.util.Set<String> INTERNAL_FIELDS =
            java.util.Set.of("subjectHash", "schemaVersion", "receivedAt");

    @SuppressWarnings("StringOperationCanBeSimplified") // identity matters: never equal to a real value
    public static final String NOT_A_STRING = new String("\u0000");
}

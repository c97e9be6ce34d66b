package lab.like.metrics.aggregation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The usage-event topics: the internal one, and one per organisation named {@code <internal>.<organisation>}
 * (CONTRACTS.md). The aggregation reads them all through one pattern, which must not match the dead-letter topic.
 */
public record UsageTopics(String internal, String deadLetter) {

    private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** The origin of a record read from {@code topic}; empty for a topic that is no usage-event topic. */
    public Optional<Origin> origin(String topic) {
        if (topic.equals(internal)) return Optional.of(Origin.INTERNAL);
        if (!topic.startsWith(internal + ".") || topic.equals(deadLetter)) return Optional.empty();
        String organisation = topic.substring(internal.length() + 1);
        return ORGANISATION.matcher(organisation).matches()
                ? Optional.of(Origin.organisation(organisation))
                : Optional.empty();
    }

    public String topicOf(String organisation) {
        if (!ORGANISATION.matcher(organisation).matches() || (internal + "." + organisation).equals(deadLetter)) {
            throw new IllegalArgumentException("not a usable organisation name for a topic: '" + organisation + "'");
        }
        return internal + "." + organisation;
    }

    /**
     * Fails unless {@code pattern} matches the internal topic and every organisation's, and not the dead-letter
     * topic: the source pattern is configuration, and a wrong one would lose events or loop dead letters.
     */
    public void requireSourcePattern(String pattern, List<String> organisations) {
        Pattern p = Pattern.compile(pattern);
        if (!p.matcher(internal).matches() || p.matcher(deadLetter).matches()) {
            throw new IllegalStateException("usage-event source pattern '" + pattern + "' must match " + internal
                    + " and must not match " + deadLetter);
        }
        for (String organisation : organisations) {
            if (!p.matcher(topicOf(organisation)).matches()) {
                throw new IllegalStateException(
                        "usage-event source pattern '" + pattern + "' does not match " + topicOf(organisation));
            }
        }
    }
}

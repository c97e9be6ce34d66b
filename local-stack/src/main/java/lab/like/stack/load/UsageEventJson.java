package lab.like.stack.load;

import java.time.Instant;

/** One usage event as API.md's JSON, rendered by hand (the generators make millions of them). */
public final class UsageEventJson {

    private UsageEventJson() {}

    /**
     * @param durationMs left out when negative
     * @param score left out when 0
     */
    public static String of(
            String eventId,
            String experimentId,
            String subjectId,
            String variant,
            String type,
            String channel,
            Instant occurredAt,
            long durationMs,
            int score) {
        StringBuilder json = new StringBuilder(260)
                .append("{\"eventId\":\"")
                .append(eventId)
                .append("\",\"experimentId\":\"")
                .append(experimentId)
                .append("\",\"subjectId\":\"")
                .append(subjectId)
                .append("\",\"variant\":\"")
                .append(variant)
                .append("\",\"type\":\"")
                .append(type)
                .append("\",\"channel\":\"")
                .append(channel)
                .append("\",\"occurredAt\":\"")
                .append(occurredAt)
                .append('"');
        if (durationMs >= 0) {
            json.append(",\"durationMs\":").append(durationMs);
        }
        if (score > 0) {
            json.append(",\"score\":").append(score);
        }
        return json.append('}').toString();
    }
}

package lab.like.stack.faults;

import java.time.Instant;

/**
 * One generated usage event, kept compact (a million of them are held at once) and rendered as API.md's JSON
 * when sent. {@code overKafka}: produced to {@code usage-events.<organisation>} instead of posted to the gateway.
 */
record FaultEvent(
        String eventId,
        int experiment,
        String subjectId,
        String variant,
        String type,
        String channel,
        long occurredAtEpochSecond,
        int durationMs,
        int score,
        boolean overKafka) {

    String json(String experimentId) {
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
                .append(Instant.ofEpochSecond(occurredAtEpochSecond))
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

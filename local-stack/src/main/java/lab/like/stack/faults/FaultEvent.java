package lab.like.stack.faults;

import java.time.Instant;
import lab.like.stack.load.UsageEventJson;

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
        return UsageEventJson.of(
                eventId,
                experimentId,
                subjectId,
                variant,
                type,
                channel,
                Instant.ofEpochSecond(occurredAtEpochSecond),
                durationMs,
                score);
    }
}

package lab.like.stack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import lab.like.stack.DemoPilot.Behaviour;

/** One citizen's way through a service as usage events: exposure, maybe start, then complete or abandon, maybe feedback. */
final class Journeys {

    private static final List<String> DIGITAL = List.of("web", "web", "web", "app");
    private static final List<String> NON_DIGITAL = List.of("phone", "phone", "counter", "mail");

    String newSubject() {
        return "citizen-" + UUID.randomUUID().toString().substring(0, 13);
    }

    List<Map<String, Object>> journey(String experimentId, String subject, String variant, Behaviour b) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Map<String, Object>> events = new ArrayList<>();
        String channel = random.nextDouble() < b.digitalShare()
                ? DIGITAL.get(random.nextInt(DIGITAL.size()))
                : NON_DIGITAL.get(random.nextInt(NON_DIGITAL.size()));
        // log-normal durations around the median, ending a few seconds ago: nothing lies in the future
        long durationMs = (long) (b.medianMinutes() * 60_000 * Math.exp(0.5 * random.nextGaussian()));
        durationMs = Math.min(durationMs, 3_600_000);
        Instant end = Instant.now().minusMillis(random.nextLong(1_000, 20_000));
        Instant start = end.minusMillis(durationMs);
        events.add(event(experimentId, subject, variant, "exposure", "web", start.minusSeconds(5)));
        if (random.nextDouble() >= b.startRate()) {
            return events;
        }
        events.add(event(experimentId, subject, variant, "start", channel, start));
        boolean completed = random.nextDouble() < b.completionRate();
        if (completed) {
            Map<String, Object> complete = event(experimentId, subject, variant, "complete", channel, end);
            complete.put("durationMs", durationMs);
            events.add(complete);
        } else if (random.nextDouble() < 0.7) {
            events.add(event(experimentId, subject, variant, "abandon", channel, end));
        }
        if (random.nextDouble() < (completed ? b.feedbackRate() : b.feedbackRate() / 3)) {
            Map<String, Object> feedback = event(experimentId, subject, variant, "feedback", channel, end);
            double mean = completed ? b.meanScore() : b.meanScore() - 1.2;
            feedback.put("score", (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian()))));
            events.add(feedback);
        }
        if (random.nextDouble() < 0.01) {
            // a client retrying a batch: the same eventId again, which must count once
            events.add(events.get(events.size() - 1));
        }
        return events;
    }

    private static Map<String, Object> event(
            String experimentId, String subject, String variant, String type, String channel, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("experimentId", experimentId);
        event.put("subjectId", subject);
        event.put("variant", variant);
        event.put("type", type);
        event.put("channel", channel);
        event.put("occurredAt", at.toString());
        return event;
    }
}

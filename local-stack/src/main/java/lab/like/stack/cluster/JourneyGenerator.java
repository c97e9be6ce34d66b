package lab.like.stack.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.like.stack.load.Tally;
import lab.like.stack.load.UsageEventJson;

/**
 * Citizens' journeys as API.md usage events (JSON), from a seeded random source, each distinct event counted
 * into a {@link Tally} as it is made: exposure, maybe a start, then complete (with a duration) or abandon, maybe
 * feedback, on a digital or non-digital channel; now and then an event repeated with its own eventId, which must
 * count once.
 */
final class JourneyGenerator {

    private static final String[] CHANNELS = {"web", "web", "web", "app", "phone", "counter", "mail"};

    private final Random random;
    private final Tally tally;
    private final String run;
    private long sequence;

    JourneyGenerator(long seed, Tally tally) {
        this.random = new Random(seed);
        this.tally = tally;
        this.run = Long.toString(System.currentTimeMillis(), 36) + "-" + Long.toString(seed, 36);
    }

    /** One subject's journey in one experiment; the variant is chosen by the weights (equal here). */
    List<String> journey(String experiment, List<String> variants) {
        String subject = "citizen-" + run + "-" + (sequence++);
        String variant = variants.get(random.nextInt(variants.size()));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        Instant end = Instant.now().minusSeconds(5 + random.nextInt(60));
        long duration = 30_000 + random.nextInt(900_000);
        Instant start = end.minusMillis(duration);
        List<String> events = new ArrayList<>(6);
        events.add(event(experiment, subject, variant, "exposure", "web", start.minusSeconds(3), -1, 0));
        if (random.nextDouble() < 0.8) {
            events.add(event(experiment, subject, variant, "start", channel, start, -1, 0));
            double outcome = random.nextDouble();
            if (outcome < 0.6) {
                events.add(event(experiment, subject, variant, "complete", channel, end, duration, 0));
            } else if (outcome < 0.85) {
                events.add(event(experiment, subject, variant, "abandon", channel, end, -1, 0));
            }
        } else if (random.nextDouble() < 0.1) {
            // a completion without a recorded start: it makes a starter too
            events.add(event(experiment, subject, variant, "complete", channel, end, duration, 0));
        }
        if (random.nextDouble() < 0.3) {
            int score = 1 + random.nextInt(5);
            events.add(event(experiment, subject, variant, "feedback", channel, end, -1, score));
        }
        if (random.nextDouble() < 0.02) {
            // a client that sends an event again: same eventId, counted once
            events.add(events.get(random.nextInt(events.size())));
        }
        return events;
    }

    /** A new event (its own eventId), counted into the tally; {@code durationMs} -1 and {@code score} 0: none. */
    private String event(
            String experiment,
            String subject,
            String variant,
            String type,
            String channel,
            Instant at,
            long durationMs,
            int score) {
        String id = run + "-" + (sequence++);
        tally.count(experiment, variant, subject, type, channel, score);
        return UsageEventJson.of(id, experiment, subject, variant, type, channel, at, durationMs, score);
    }
}

package lab.like.stack.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Citizens' journeys through several pilots: exposure, then most start, and of those most complete (some more
 * than once) or abandon; a few complete without a start event; some give feedback. Each citizen uses one
 * channel and one path (the gateway or the organisation's Kafka topic). The variant is chosen here, by the
 * weights, so the expected counts do not depend on the service's assignment. Journeys are interleaved.
 */
final class StreamGenerator {

    static final List<String> CHANNELS = List.of("web", "app", "phone", "counter", "mail");

    /** A pilot of the stream: its variants and weights, as created through the API. */
    record Pilot(String name, List<String> variants, List<Integer> weights) {}

    static List<Pilot> pilots(int count) {
        List<Pilot> pilots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pilots.add(
                    i % 3 == 2
                            ? new Pilot("fault-pilot-" + i, List.of("control", "map-pin", "photo"), List.of(34, 33, 33))
                            : new Pilot("fault-pilot-" + i, List.of("control", "simplified"), List.of(50, 50)));
        }
        return pilots;
    }

    private StreamGenerator() {}

    /** At least {@code events} events over the pilots, in random order; the same seed gives the same stream. */
    static List<FaultEvent> generate(List<Pilot> pilots, int events, long seed, Instant now) {
        Random random = new Random(seed);
        List<FaultEvent> stream = new ArrayList<>(events + 16);
        int citizen = 0;
        while (stream.size() < events) {
            int experiment = random.nextInt(pilots.size());
            Pilot pilot = pilots.get(experiment);
            String subject = "citizen-" + seed + "-" + citizen++;
            String variant = pick(pilot, random);
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            boolean overKafka = random.nextBoolean();
            long start = now.getEpochSecond() - 600 - random.nextInt(3 * 24 * 3600);
            Journey journey = new Journey(stream, experiment, subject, variant, channel, overKafka);
            journey.add("exposure", start, -1, 0);
            double roll = random.nextDouble();
            if (roll < 0.05) {
                journey.add("complete", start + 60, duration(random), 0); // a completion implies a start
            } else if (roll < 0.80) {
                journey.add("start", start + 5, -1, 0);
                double outcome = random.nextDouble();
                if (outcome < 0.70) {
                    journey.add("complete", start + 90, duration(random), 0);
                    if (random.nextDouble() < 0.06) {
                        journey.add("complete", start + 300, duration(random), 0); // a second application
                    }
                } else if (outcome < 0.90) {
                    journey.add("abandon", start + 40, -1, 0);
                }
            }
            if (random.nextDouble() < 0.3) {
                journey.add("feedback", start + 120, -1, 1 + random.nextInt(5));
            }
        }
        Collections.shuffle(stream, random);
        return stream;
    }

    private static String pick(Pilot pilot, Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < pilot.variants().size(); i++) {
            roll -= pilot.weights().get(i);
            if (roll < 0) {
                return pilot.variants().get(i);
            }
        }
        return pilot.variants().get(pilot.variants().size() - 1);
    }

    private static int duration(Random random) {
        return (int) Math.min(86_400_000, Math.exp(11.5 + 0.6 * random.nextGaussian()));
    }

    private record Journey(
            List<FaultEvent> stream,
            int experiment,
            String subject,
            String variant,
            String channel,
            boolean overKafka) {

        void add(String type, long at, int durationMs, int score) {
            stream.add(new FaultEvent(
                    subject + "-" + type + "-" + at,
                    experiment,
                    subject,
                    variant,
                    type,
                    channel,
                    at,
                    durationMs,
                    score,
                    overKafka));
        }
    }
}

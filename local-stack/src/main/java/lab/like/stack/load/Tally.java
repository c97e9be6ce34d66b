package lab.like.stack.load;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A load generator's own count of what the results must show, per experiment and variant, by API.md's counting
 * rules (written here again, from the contract, not taken from the services' code). It is told each distinct
 * event once, however often the event is sent: removing repeated eventIds is the caller's part. Thread-safe.
 */
public final class Tally {

    /** The counts of one variant that are checked, in the order of {@link #NAMES}. */
    public record Counts(
            long subjects,
            long starters,
            long completers,
            long abandoners,
            long completions,
            long digitalCompletions,
            long feedbackResponses,
            long satisfiedResponses) {

        /** The counts' field names in the results document, in {@link #values()} order. */
        public static final List<String> NAMES = List.of(
                "subjects",
                "starters",
                "completers",
                "abandoners",
                "completions",
                "digitalCompletions",
                "feedbackResponses",
                "satisfiedResponses");

        public long[] values() {
            return new long[] {
                subjects,
                starters,
                completers,
                abandoners,
                completions,
                digitalCompletions,
                feedbackResponses,
                satisfiedResponses
            };
        }
    }

    private static final class Variant {
        final Set<String> subjects = new HashSet<>();
        final Set<String> starters = new HashSet<>();
        final Set<String> completers = new HashSet<>();
        final Set<String> abandoners = new HashSet<>();
        long completions;
        long digitalCompletions;
        long feedbackResponses;
        long satisfiedResponses;
    }

    /** experiment → variant (in the order declared or first counted) → counts. */
    private final Map<String, Map<String, Variant>> experiments = new LinkedHashMap<>();

    private final Map<String, Long> events = new LinkedHashMap<>();

    /** Registers a variant, so that one without events is checked too (all zero). */
    public synchronized void declare(String experiment, String variant) {
        variants(experiment).computeIfAbsent(variant, v -> new Variant());
        events.putIfAbsent(experiment, 0L);
    }

    /** One distinct event (never call it twice for one eventId). */
    public synchronized void count(
            String experiment, String variant, String subject, String type, String channel, int score) {
        Variant v = variants(experiment).computeIfAbsent(variant, k -> new Variant());
        events.merge(experiment, 1L, Long::sum);
        v.subjects.add(subject);
        switch (type) {
            case "start" -> v.starters.add(subject);
            case "complete" -> {
                v.starters.add(subject); // a completion implies a start
                v.completers.add(subject);
                v.completions++;
                if (channel.equals("web") || channel.equals("app")) v.digitalCompletions++;
            }
            case "abandon" -> v.abandoners.add(subject);
            case "feedback" -> {
                v.feedbackResponses++;
                if (score >= 4) v.satisfiedResponses++;
            }
            default -> {
                // exposure: a subject, nothing more
            }
        }
    }

    private Map<String, Variant> variants(String experiment) {
        return experiments.computeIfAbsent(experiment, e -> new LinkedHashMap<>());
    }

    /** Expected counts of one experiment by variant, in the order the variants were declared or first counted. */
    public synchronized Map<String, Counts> expected(String experiment) {
        Map<String, Counts> out = new LinkedHashMap<>();
        experiments
                .getOrDefault(experiment, Map.of())
                .forEach((variant, v) -> out.put(
                        variant,
                        new Counts(
                                v.subjects.size(),
                                v.starters.size(),
                                v.completers.size(),
                                v.abandoners.size(),
                                v.completions,
                                v.digitalCompletions,
                                v.feedbackResponses,
                                v.satisfiedResponses)));
        return out;
    }

    /** The distinct events of one experiment: its expected {@code eventsCounted}. */
    public synchronized long events(String experiment) {
        return events.getOrDefault(experiment, 0L);
    }

    public synchronized long totalEvents() {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The experiments declared or counted, sorted by id. */
    public synchronized Set<String> experiments() {
        return new TreeSet<>(experiments.keySet());
    }
}

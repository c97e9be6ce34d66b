package lab.like.stack.cluster;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generator's own count of what the results must show, per experiment and variant, by API.md's counting
 * rules, kept from the events as they are generated (each distinct event once, however often it is sent).
 */
final class Tally {

    /** The counts of one variant that the run checks. */
    record Counts(
            long subjects,
            long starters,
            long completers,
            long abandoners,
            long completions,
            long digitalCompletions,
            long feedbackResponses,
            long satisfiedResponses) {

        static final String[] NAMES = {
            "subjects",
            "starters",
            "completers",
            "abandoners",
            "completions",
            "digitalCompletions",
            "feedbackResponses",
            "satisfiedResponses"
        };

        long[] values() {
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

    private final Map<String, Map<String, Variant>> experiments = new ConcurrentHashMap<>();
    private final Map<String, Long> events = new ConcurrentHashMap<>();

    /** Registers a variant, so that one without events is checked too (all zero). */
    synchronized void declare(String experiment, String variant) {
        experiments.computeIfAbsent(experiment, e -> new TreeMap<>()).computeIfAbsent(variant, v -> new Variant());
        events.putIfAbsent(experiment, 0L);
    }

    /** One distinct event (never call it twice for one eventId). */
    synchronized void count(String experiment, String variant, String subject, String type, String channel, int score) {
        Variant v = experiments
                .computeIfAbsent(experiment, e -> new TreeMap<>())
                .computeIfAbsent(variant, k -> new Variant());
        events.merge(experiment, 1L, Long::sum);
        v.subjects.add(subject);
        switch (type) {
            case "start" -> v.starters.add(subject);
            case "complete" -> {
                v.starters.add(subject);
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

    synchronized Map<String, Counts> expected(String experiment) {
        Map<String, Counts> out = new TreeMap<>();
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

    long events(String experiment) {
        return events.getOrDefault(experiment, 0L);
    }

    long totalEvents() {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }

    Set<String> experiments() {
        return new java.util.TreeSet<>(experiments.keySet());
    }
}

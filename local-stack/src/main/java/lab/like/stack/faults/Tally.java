package lab.like.stack.faults;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's own count of what the results must show, from the generated events by API.md's counting rules
 * (written here again, from the contract, not taken from the services' code).
 */
final class Tally {

    /** The counts of one variant that the suite checks, in the results document's field names. */
    static final List<String> COUNTS = List.of(
            "subjects",
            "starters",
            "completers",
            "abandoners",
            "completions",
            "digitalCompletions",
            "feedbackResponses",
            "satisfiedResponses");

    private static final class Variant {
        final Set<String> subjects = new HashSet<>();
        final Set<String> starters = new HashSet<>();
        final Set<String> completers = new HashSet<>();
        final Set<String> abandoners = new HashSet<>();
        long completions;
        long digitalCompletions;
        long feedback;
        long satisfied;
    }

    private final Map<Integer, Map<String, Variant>> variants = new LinkedHashMap<>();
    private final Map<Integer, Long> events = new LinkedHashMap<>();

    /** @param stream every distinct event once (the suite's duplicates are sends, not events) */
    static Tally of(List<FaultEvent> stream) {
        Tally tally = new Tally();
        Set<String> seen = new HashSet<>();
        for (FaultEvent e : stream) {
            if (!seen.add(e.experiment() + "/" + e.eventId())) {
                continue; // counting is after removing duplicate eventIds
            }
            tally.events.merge(e.experiment(), 1L, Long::sum);
            Variant v = tally.variants
                    .computeIfAbsent(e.experiment(), x -> new LinkedHashMap<>())
                    .computeIfAbsent(e.variant(), x -> new Variant());
            v.subjects.add(e.subjectId());
            switch (e.type()) {
                case "start" -> v.starters.add(e.subjectId());
                case "complete" -> {
                    v.starters.add(e.subjectId());
                    v.completers.add(e.subjectId());
                    v.completions++;
                    if (e.channel().equals("web") || e.channel().equals("app")) {
                        v.digitalCompletions++;
                    }
                }
                case "abandon" -> v.abandoners.add(e.subjectId());
                case "feedback" -> {
                    v.feedback++;
                    if (e.score() >= 4) {
                        v.satisfied++;
                    }
                }
                default -> {}
            }
        }
        return tally;
    }

    /** Expected counts of one experiment: variant → count name → value (in {@link #COUNTS} order). */
    Map<String, Map<String, Long>> expected(int experiment) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        variants.getOrDefault(experiment, Map.of()).forEach((name, v) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("subjects", (long) v.subjects.size());
            counts.put("starters", (long) v.starters.size());
            counts.put("completers", (long) v.completers.size());
            counts.put("abandoners", (long) v.abandoners.size());
            counts.put("completions", v.completions);
            counts.put("digitalCompletions", v.digitalCompletions);
            counts.put("feedbackResponses", v.feedback);
            counts.put("satisfiedResponses", v.satisfied);
            result.put(name, counts);
        });
        return result;
    }

    long events(int experiment) {
        return events.getOrDefault(experiment, 0L);
    }
}

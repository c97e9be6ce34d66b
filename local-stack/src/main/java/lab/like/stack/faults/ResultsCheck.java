package lab.like.stack.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lab.like.stack.GatewayClient;
import lab.like.stack.GatewayClient.Response;

/**
 * Reads every pilot's results through the gateway until they equal the tally (or stop changing), then compares
 * every count of every variant and prints the table: a count below the tally is a lost event, above it a
 * double count.
 */
final class ResultsCheck {

    /** The outcome: every compared cell, and the sums of what was lost and what was counted twice. */
    record Outcome(int cells, long lost, long doubled, List<String> mismatches, List<String> table) {

        boolean exact() {
            return mismatches.isEmpty();
        }
    }

    private final GatewayClient gateway;
    private final List<StreamGenerator.Pilot> pilots;
    private final List<String> ids;
    private final Tally tally;

    ResultsCheck(GatewayClient gateway, List<StreamGenerator.Pilot> pilots, List<String> ids, Tally tally) {
        this.gateway = gateway;
        this.pilots = pilots;
        this.ids = ids;
        this.tally = tally;
    }

    /**
     * Polls until every count equals the tally, or nothing changed for {@code stalled}, or {@code cap} passed;
     * then compares.
     */
    Outcome await(Duration stalled, Duration cap, Consumer<String> out) throws InterruptedException {
        long start = System.nanoTime();
        long lastChange = start;
        long lastCounted = -1;
        Map<Integer, JsonNode> results = read();
        while (!compare(results).exact()) {
            long counted = results.values().stream()
                    .mapToLong(r -> r.path("eventsCounted").asLong())
                    .sum();
            long now = System.nanoTime();
            if (counted != lastCounted) {
                lastCounted = counted;
                lastChange = now;
            }
            if (now - lastChange > stalled.toNanos() || now - start > cap.toNanos()) {
                out.accept("results stopped at " + counted + " events counted");
                break;
            }
            Thread.sleep(2000);
            results = read();
        }
        out.accept(String.format("results checked after %.1f s of waiting", (System.nanoTime() - start) / 1e9));
        return compare(results);
    }

    private Map<Integer, JsonNode> read() {
        Map<Integer, JsonNode> results = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                Response response = gateway.get("/api/v1/experiments/" + ids.get(i) + "/results", "dev-analyst-key");
                results.put(i, response.status() == 200 ? response.json() : null);
            } catch (RuntimeException unreachable) {
                results.put(i, null);
            }
        }
        return results;
    }

    private Outcome compare(Map<Integer, JsonNode> results) {
        List<String> table = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        long lost = 0;
        long doubled = 0;
        int cells = 0;
        StringBuilder header = new StringBuilder(String.format("%-15s %-11s %9s", "pilot", "variant", "events"));
        Tally.COUNTS.forEach(c -> header.append(String.format(" %13s", shortName(c))));
        table.add(header.toString());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode result = results.get(i);
            Map<String, JsonNode> variants = new LinkedHashMap<>();
            if (result != null) {
                result.path("variants")
                        .forEach(v -> variants.put(v.path("variant").asText(), v));
            }
            long expectedEvents = tally.events(i);
            long countedEvents =
                    result == null ? -1 : result.path("eventsCounted").asLong();
            cells++;
            if (countedEvents != expectedEvents) {
                mismatches.add(pilots.get(i).name() + " eventsCounted " + expectedEvents + " expected, " + countedEvents
                        + " counted");
                if (countedEvents >= 0) {
                    lost += Math.max(0, expectedEvents - countedEvents);
                    doubled += Math.max(0, countedEvents - expectedEvents);
                }
            }
            boolean first = true;
            for (Map.Entry<String, Map<String, Long>> variant :
                    tally.expected(i).entrySet()) {
                StringBuilder row = new StringBuilder(String.format(
                        "%-15s %-11s %9s",
                        first ? pilots.get(i).name() : "",
                        variant.getKey(),
                        first ? cell(expectedEvents, countedEvents) : ""));
                first = false;
                JsonNode counted = variants.get(variant.getKey());
                for (String count : Tally.COUNTS) {
                    long expected = variant.getValue().get(count);
                    long actual = counted == null ? -1 : counted.path(count).asLong();
                    cells++;
                    row.append(String.format(" %13s", cell(expected, actual)));
                    if (expected != actual) {
                        mismatches.add(pilots.get(i).name() + " " + variant.getKey() + " " + count + " " + expected
                                + " expected, " + actual + " counted");
                        if (actual >= 0) {
                            lost += Math.max(0, expected - actual);
                            doubled += Math.max(0, actual - expected);
                        }
                    }
                }
                table.add(row.toString());
            }
        }
        return new Outcome(cells, lost, doubled, mismatches, table);
    }

    private static String cell(long expected, long actual) {
        if (expected == actual) {
            return String.format("%,d", expected);
        }
        return String.format("%,d≠%s", expected, actual < 0 ? "?" : String.format("%,d", actual));
    }

    private static String shortName(String count) {
        return switch (count) {
            case "digitalCompletions" -> "digital";
            case "feedbackResponses" -> "feedback";
            case "satisfiedResponses" -> "satisfied";
            default -> count;
        };
    }
}

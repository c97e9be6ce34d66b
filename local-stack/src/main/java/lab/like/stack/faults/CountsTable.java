package lab.like.stack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.like.stack.GatewayClient;
import lab.like.stack.load.ResultsCheck;
import lab.like.stack.load.Tally;

/**
 * Reads every pilot's results through the gateway until they equal the tally (or stop changing), then prints the
 * comparison: one row per variant, a count below the tally is a lost event, above it a double count.
 */
final class CountsTable {

    /** The outcome: every compared cell, and the sums of what was lost and what was counted twice. */
    record Outcome(int cells, long lost, long doubled, List<String> mismatches, List<String> table) {

        boolean exact() {
            return mismatches.isEmpty();
        }
    }

    private static final String API_KEY = "dev-analyst-key";

    private final GatewayClient gateway;
    private final List<StreamGenerator.Pilot> pilots;
    private final List<String> ids;
    private final Tally tally;

    CountsTable(GatewayClient gateway, List<StreamGenerator.Pilot> pilots, List<String> ids, Tally tally) {
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
        ResultsCheck.Outcome results = ResultsCheck.check(gateway, API_KEY, tally, ids);
        while (!results.exact()) {
            long counted = results.countedEvents();
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
            results = ResultsCheck.check(gateway, API_KEY, tally, ids);
        }
        out.accept(String.format("results checked after %.1f s of waiting", (System.nanoTime() - start) / 1e9));
        return table(results);
    }

    private Outcome table(ResultsCheck.Outcome results) {
        List<String> table = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        long lost = 0;
        long doubled = 0;
        int cells = 0;
        StringBuilder header = new StringBuilder(String.format("%-15s %-11s %9s", "pilot", "variant", "events"));
        Tally.Counts.NAMES.forEach(c -> header.append(String.format(" %13s", shortName(c))));
        table.add(header.toString());
        for (int i = 0; i < ids.size(); i++) {
            String pilot = pilots.get(i).name();
            ResultsCheck.Experiment experiment = results.experiments().get(i);
            long expectedEvents = experiment.expectedEvents();
            long countedEvents = experiment.countedEvents();
            cells++;
            if (countedEvents != expectedEvents) {
                mismatches.add(pilot + " eventsCounted " + expectedEvents + " expected, " + countedEvents + " counted");
                if (countedEvents >= 0) {
                    lost += Math.max(0, expectedEvents - countedEvents);
                    doubled += Math.max(0, countedEvents - expectedEvents);
                }
            }
            boolean first = true;
            for (ResultsCheck.Row variant : experiment.rows()) {
                StringBuilder row = new StringBuilder(String.format(
                        "%-15s %-11s %9s",
                        first ? pilot : "", variant.variant(), first ? cell(expectedEvents, countedEvents) : ""));
                first = false;
                for (int c = 0; c < Tally.Counts.NAMES.size(); c++) {
                    long expected = variant.expected()[c];
                    long actual = variant.actual()[c];
                    cells++;
                    row.append(String.format(" %13s", cell(expected, actual)));
                    if (expected != actual) {
                        mismatches.add(pilot + " " + variant.variant() + " " + Tally.Counts.NAMES.get(c) + " "
                                + expected + " expected, " + actual + " counted");
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

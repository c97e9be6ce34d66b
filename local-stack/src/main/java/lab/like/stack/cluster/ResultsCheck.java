package lab.like.stack.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.like.stack.GatewayClient;

/**
 * Reads every experiment's results through the gateway and compares every count of every variant, and the
 * experiment's {@code eventsCounted}, with the {@link Tally}.
 */
final class ResultsCheck {

    /** One variant's line of the table: expected and actual counts (actual -1 when the variant is missing). */
    record Row(String experiment, String variant, long[] expected, long[] actual) {
        boolean exact() {
            return java.util.Arrays.equals(expected, actual);
        }
    }

    /** All rows, the distinct events expected and counted, the experiments whose results could not be read. */
    record Outcome(List<Row> rows, long expectedEvents, long countedEvents, List<String> unreadable) {
        boolean exact() {
            return unreadable.isEmpty()
                    && expectedEvents == countedEvents
                    && rows.stream().allMatch(Row::exact);
        }

        long differences() {
            return rows.stream().filter(r -> !r.exact()).count() + unreadable.size();
        }
    }

    private ResultsCheck() {}

    static Outcome check(GatewayClient gateway, String apiKey, Tally tally) {
        List<Row> rows = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        long counted = 0;
        for (String experiment : tally.experiments()) {
            JsonNode results;
            try {
                GatewayClient.Response response = gateway.get("/api/v1/experiments/" + experiment + "/results", apiKey);
                if (response.status() != 200) {
                    unreadable.add(experiment + " (" + response.status() + ")");
                    continue;
                }
                results = response.json();
            } catch (RuntimeException e) {
                unreadable.add(experiment + " (" + e.getMessage() + ")");
                continue;
            }
            counted += results.path("eventsCounted").asLong();
            for (Map.Entry<String, Tally.Counts> entry :
                    tally.expected(experiment).entrySet()) {
                long[] actual = actual(results, entry.getKey());
                rows.add(new Row(experiment, entry.getKey(), entry.getValue().values(), actual));
            }
        }
        return new Outcome(rows, tally.totalEvents(), counted, unreadable);
    }

    private static long[] actual(JsonNode results, String variant) {
        long[] actual = new long[Tally.Counts.NAMES.length];
        java.util.Arrays.fill(actual, -1);
        for (JsonNode v : results.path("variants")) {
            if (v.path("variant").asText().equals(variant)) {
                for (int i = 0; i < actual.length; i++) {
                    actual[i] = v.path(Tally.Counts.NAMES[i]).asLong(-1);
                }
            }
        }
        return actual;
    }

    /** The table: one line per experiment and variant, each count as "expected" or "actual≠expected". */
    static String table(Outcome outcome) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-14s %-10s", "experiment", "variant"));
        for (String name : Tally.Counts.NAMES) {
            out.append(String.format(" %12s", shortName(name)));
        }
        out.append("  check\n");
        for (Row row : outcome.rows()) {
            out.append(String.format(
                    "%-14s %-10s",
                    row.experiment().substring(0, Math.min(14, row.experiment().length())), row.variant()));
            for (int i = 0; i < row.expected().length; i++) {
                String cell = row.expected()[i] == row.actual()[i]
                        ? Long.toString(row.expected()[i])
                        : row.actual()[i] + "≠" + row.expected()[i];
                out.append(String.format(" %12s", cell));
            }
            out.append(row.exact() ? "  exact\n" : "  DIFFERENT\n");
        }
        outcome.unreadable()
                .forEach(e -> out.append("results not readable: ").append(e).append('\n'));
        out.append(String.format(
                "distinct events: %,d generated, %,d counted (eventsCounted summed); %d rows, %d counts checked, %s%n",
                outcome.expectedEvents(),
                outcome.countedEvents(),
                outcome.rows().size(),
                outcome.rows().size() * Tally.Counts.NAMES.length,
                outcome.exact() ? "every count exact" : outcome.differences() + " rows differ"));
        return out.toString();
    }

    private static String shortName(String name) {
        return switch (name) {
            case "digitalCompletions" -> "digitalCompl";
            case "feedbackResponses" -> "feedback";
            case "satisfiedResponses" -> "satisfied";
            default -> name;
        };
    }
}

package lab.like.stack.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lab.like.stack.GatewayClient;

/**
 * Reads experiments' results through the gateway and compares each experiment's {@code eventsCounted}, and
 * every count of every variant, with a {@link Tally}. How long to wait for the results and how to print the
 * comparison is the caller's.
 */
public final class ResultsCheck {

    /**
     * One variant: expected and actual counts in {@link Tally.Counts#NAMES} order (actual -1 when the variant, a
     * count or the whole results document is missing).
     */
    public record Row(String experiment, String variant, long[] expected, long[] actual) {

        public boolean exact() {
            return Arrays.equals(expected, actual);
        }
    }

    /**
     * One experiment: its distinct events expected and its {@code eventsCounted} (-1 when unreadable), why its
     * results could not be read (null when they could), and one row per variant of the tally.
     */
    public record Experiment(String id, long expectedEvents, long countedEvents, String unreadable, List<Row> rows) {

        public boolean exact() {
            return unreadable == null
                    && countedEvents == expectedEvents
                    && rows.stream().allMatch(Row::exact);
        }
    }

    /** Every experiment checked, in the order asked for. */
    public record Outcome(List<Experiment> experiments) {

        public boolean exact() {
            return experiments.stream().allMatch(Experiment::exact);
        }

        /** The rows of the experiments whose results were read. */
        public List<Row> rows() {
            return experiments.stream()
                    .filter(e -> e.unreadable() == null)
                    .flatMap(e -> e.rows().stream())
                    .toList();
        }

        /** "id (why)" of each experiment whose results could not be read. */
        public List<String> unreadable() {
            return experiments.stream()
                    .filter(e -> e.unreadable() != null)
                    .map(e -> e.id() + " (" + e.unreadable() + ")")
                    .toList();
        }

        /** The distinct events of every experiment checked. */
        public long expectedEvents() {
            return experiments.stream().mapToLong(Experiment::expectedEvents).sum();
        }

        /** {@code eventsCounted} summed over the experiments whose results were read. */
        public long countedEvents() {
            return experiments.stream()
                    .filter(e -> e.unreadable() == null)
                    .mapToLong(Experiment::countedEvents)
                    .sum();
        }

        /** Rows that differ, and experiments not read. */
        public long differences() {
            return rows().stream().filter(r -> !r.exact()).count()
                    + unreadable().size();
        }
    }

    private ResultsCheck() {}

    /** Every experiment of the tally, sorted by id. */
    public static Outcome check(GatewayClient gateway, String apiKey, Tally tally) {
        return check(gateway, apiKey, tally, List.copyOf(tally.experiments()));
    }

    /** The given experiments, in that order. */
    public static Outcome check(GatewayClient gateway, String apiKey, Tally tally, List<String> experimentIds) {
        List<Experiment> experiments = new ArrayList<>();
        for (String id : experimentIds) {
            JsonNode results = null;
            String unreadable = null;
            try {
                GatewayClient.Response response = gateway.get("/api/v1/experiments/" + id + "/results", apiKey);
                if (response.status() == 200) {
                    results = response.json();
                } else {
                    unreadable = Integer.toString(response.status());
                }
            } catch (RuntimeException e) {
                unreadable = String.valueOf(e.getMessage());
            }
            experiments.add(compare(id, results, unreadable, tally));
        }
        return new Outcome(experiments);
    }

    private static Experiment compare(String id, JsonNode results, String unreadable, Tally tally) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Tally.Counts> entry : tally.expected(id).entrySet()) {
            rows.add(new Row(id, entry.getKey(), entry.getValue().values(), actual(results, entry.getKey())));
        }
        long counted = results == null ? -1 : results.path("eventsCounted").asLong();
        return new Experiment(id, tally.events(id), counted, unreadable, rows);
    }

    private static long[] actual(JsonNode results, String variant) {
        long[] actual = new long[Tally.Counts.NAMES.size()];
        Arrays.fill(actual, -1);
        if (results == null) return actual;
        for (JsonNode v : results.path("variants")) {
            if (v.path("variant").asText().equals(variant)) {
                for (int i = 0; i < actual.length; i++) {
                    actual[i] = v.path(Tally.Counts.NAMES.get(i)).asLong(-1);
                }
            }
        }
        return actual;
    }
}

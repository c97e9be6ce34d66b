package lab.like.stack.cluster;

import lab.like.stack.load.ResultsCheck;
import lab.like.stack.load.Tally;

/** What a cluster run found: the counts check, the timeline, which broker and instance were killed. */
record ClusterRunResult(
        ResultsCheck.Outcome outcome,
        String timeline,
        int brokerKilled,
        String metricsKilled,
        String finalAssignment,
        long rejectedEvents) {

    boolean exact() {
        return outcome.exact() && rejectedEvents == 0;
    }

    /** The table: one line per experiment and variant, each count as "expected" or "actual≠expected". */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-14s %-10s", "experiment", "variant"));
        for (String name : Tally.Counts.NAMES) {
            out.append(String.format(" %12s", shortName(name)));
        }
        out.append("  check\n");
        for (ResultsCheck.Row row : outcome.rows()) {
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
                outcome.rows().size() * Tally.Counts.NAMES.size(),
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

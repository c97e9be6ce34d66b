package lab.like.stack.cluster;

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

    String table() {
        return ResultsCheck.table(outcome);
    }
}

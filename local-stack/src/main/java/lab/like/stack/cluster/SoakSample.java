package lab.like.stack.cluster;

import java.util.Map;

/**
 * One sampling interval of the soak: elapsed seconds, events accepted and counted per second, lag, latencies,
 * errors, and per service heap used, heap after a forced GC (NaN when no GC was forced in this interval) and
 * live threads.
 */
record SoakSample(
        double seconds,
        double acceptedPerSecond,
        double countedPerSecond,
        long consumerLag,
        double aggregationLagSeconds,
        double ingestP50Ms,
        double ingestP99Ms,
        double readP50Ms,
        double readP99Ms,
        long readsPerInterval,
        long errors,
        long streamDocuments,
        Map<String, Double> heapMb,
        Map<String, Double> heapAfterGcMb,
        Map<String, Double> threads) {

    static String csvHeader(Iterable<String> services) {
        StringBuilder out =
                new StringBuilder("seconds,accepted_per_s,counted_per_s,consumer_lag,aggregation_lag_s,ingest_p50_ms,"
                        + "ingest_p99_ms,read_p50_ms,read_p99_ms,reads,errors,stream_documents");
        for (String s : services) {
            out.append(',')
                    .append(s)
                    .append("_heap_mb,")
                    .append(s)
                    .append("_heap_after_gc_mb,")
                    .append(s)
                    .append("_threads");
        }
        return out.toString();
    }

    String csv(Iterable<String> services) {
        StringBuilder out = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "%.1f,%.0f,%.0f,%d,%.3f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d",
                seconds,
                acceptedPerSecond,
                countedPerSecond,
                consumerLag,
                aggregationLagSeconds,
                ingestP50Ms,
                ingestP99Ms,
                readP50Ms,
                readP99Ms,
                readsPerInterval,
                errors,
                streamDocuments));
        for (String s : services) {
            out.append(String.format(
                    java.util.Locale.ROOT,
                    ",%.1f,%.1f,%.0f",
                    heapMb.getOrDefault(s, Double.NaN),
                    heapAfterGcMb.getOrDefault(s, Double.NaN),
                    threads.getOrDefault(s, Double.NaN)));
        }
        return out.toString();
    }
}

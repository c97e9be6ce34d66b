package lab.like.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Writes the soak's markdown report beside its plot and its samples (CSV). */
final class SoakReport {

    private SoakReport() {}

    static Path write(Path dir, SoakRun.Outcome o, String loadBefore, String loadAfter, String timeline)
            throws IOException {
        SoakPlot.write(dir.resolve("soak.png"), o.samples(), o.services());
        List<String> csv = new ArrayList<>();
        csv.add(SoakSample.csvHeader(o.services()));
        o.samples().forEach(s -> csv.add(s.csv(o.services())));
        Files.write(dir.resolve("soak.csv"), csv);
        StringBuilder md = new StringBuilder();
        md.append("# Soak report\n\n");
        md.append(o.passed() ? "**All checks passed.**" : "**Some checks failed** (see below).")
                .append(
                        " One run of `lab.like.stack.cluster.Soak` on this machine; the load generator shares it with the stack.\n\n");
        md.append("![rate, lag, heap and latency over time](soak.png)\n\n");
        md.append("## Run\n\n");
        md.append(String.format(
                "- duration %d s, sampled every 5 s; %d experiments%n",
                o.duration().toSeconds(), o.experiments()));
        md.append(
                Double.isNaN(o.measuredMaxRate())
                        ? String.format("- rate %,.0f events/s (given with --rate)%n", o.soakRate())
                        : String.format(
                                "- measured maximum %,.0f events/s end to end (sent through the gateway until counted); soak at half: %,.0f events/s%n",
                                o.measuredMaxRate(), o.soakRate()));
        md.append(String.format(
                "- events sent through the gateway (`POST /api/v1/events`, batches of ~250, 4 senders), "
                        + "results read by %d clients (`GET .../results`, every 200 ms each), %d results streams open (SSE): "
                        + "%,d documents and %,d heartbeats received%n",
                o.readers(), o.streams(), o.streamDocuments(), o.streamHeartbeats()));
        md.append("- load average before ")
                .append(loadBefore)
                .append(", after ")
                .append(loadAfter)
                .append("\n\n");
        md.append("## Checks\n\n| check | measured | rule | result |\n|---|---|---|---|\n");
        for (SoakChecks.Check c : o.checks().checks()) {
            md.append("| ")
                    .append(c.name())
                    .append(" | ")
                    .append(c.measured())
                    .append(" | ")
                    .append(c.rule())
                    .append(" | ")
                    .append(c.passed() ? "pass" : "**FAIL**")
                    .append(" |\n");
        }
        md.append("| counts | ")
                .append(
                        o.counts().exact()
                                ? "every count of every variant equals the generator's tally"
                                : o.counts().differences() + " rows differ")
                .append(" | exact | ")
                .append(o.counts().exact() ? "pass" : "**FAIL**")
                .append(" |\n\n");
        md.append(
                "## Latency and throughput over the run\n\n| figure | median of the 5 s samples | worst sample |\n|---|---|---|\n");
        row(md, "events accepted per s", o.samples(), SoakSample::acceptedPerSecond, "%,.0f");
        row(md, "events counted per s", o.samples(), SoakSample::countedPerSecond, "%,.0f");
        row(md, "POST events p50 (ms)", o.samples(), SoakSample::ingestP50Ms, "%.0f");
        row(md, "POST events p99 (ms)", o.samples(), SoakSample::ingestP99Ms, "%.0f");
        row(md, "GET results p50 (ms)", o.samples(), SoakSample::readP50Ms, "%.0f");
        row(md, "GET results p99 (ms)", o.samples(), SoakSample::readP99Ms, "%.0f");
        row(md, "consumer lag (records)", o.samples(), s -> s.consumerLag(), "%,.0f");
        row(md, "aggregation lag, max of the last minutes (s)", o.samples(), SoakSample::aggregationLagSeconds, "%.2f");
        md.append("\nHeap and threads come from each service's management port (`/actuator/prometheus`: "
                + "`jvm_memory_used_bytes{area=\"heap\"}`, `jvm_threads_live_threads`); a heap after GC is read right after "
                + "`jcmd <pid> GC.run` once a minute. Lag is the committed offset of the Kafka Streams group `likelab-metrics` "
                + "against the end of the usage-event topics (Admin API). The samples are in `soak.csv`.\n");
        if (!o.problems().isEmpty()) {
            md.append("\n## Problems seen\n\n");
            o.problems().stream()
                    .limit(30)
                    .forEach(p -> md.append("- ").append(p.replace("|", "\\|")).append('\n'));
        }
        md.append("\n## Timeline\n\n```\n").append(timeline).append("```\n");
        Path report = dir.resolve("soak-report.md");
        Files.writeString(report, md.toString());
        return report;
    }

    private static void row(
            StringBuilder md, String name, List<SoakSample> samples, ToDoubleFunction<SoakSample> f, String format) {
        double[] values = samples.stream()
                .mapToDouble(f)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        String median = values.length == 0 ? "–" : String.format(format, values[values.length / 2]);
        String worst = values.length == 0
                ? "–"
                : String.format(format, Arrays.stream(values).max().orElse(0));
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(median)
                .append(" | ")
                .append(worst)
                .append(" |\n");
    }
}

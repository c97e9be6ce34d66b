package lab.like.stack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.like.stack.cluster.Machine;

/** The markdown of {@code BENCHMARKS.md}. */
final class ReportWriter {

    private ReportWriter() {}

    static String markdown(
            Instant began,
            boolean quick,
            String loadBefore,
            String loadAfter,
            References references,
            double cold,
            int warmup,
            List<KafkaPathWorkload.Outcome> workloads,
            String heap,
            Map<String, String> sections) {
        StringBuilder md = new StringBuilder();
        md.append("# LIKE Lab benchmarks\n\n");
        md.append(String.format(
                "**One run on a shared 2-core machine** (%s, %s UTC, %.0f minutes%s): the load generator, the broker and "
                        + "the services share the same two cores, so every figure is depressed and noisy, and the load average "
                        + "below says whether anything else ran beside it. Compare a figure with its reference from the same "
                        + "run, not with another run's.%n%n",
                "written by `lab.like.stack.bench.BenchmarkReport`",
                began.toString().substring(0, 16).replace('T', ' '),
                Duration.between(began, Instant.now()).toSeconds() / 60.0,
                quick ? ", `--quick`: smaller workloads than the issue's 1M events" : ""));
        md.append("Load average before the run ")
                .append(loadBefore)
                .append(", after it ")
                .append(loadAfter)
                .append(".\n\n");
        md.append("## Machine\n\n").append(Machine.description()).append('\n');
        md.append("## References (same run)\n\n| reference | measured |\n|---|---|\n")
                .append(references.markdown())
                .append('\n');
        md.append("## Kafka path: metrics-service end to end\n\n");
        md.append(
                "Events produced straight to `usage-events` (keyed by experiment, one experiment per workload, so one "
                        + "partition and one stream task), timed from the first record produced until `GET .../results` shows every "
                        + "event counted. Target: 100,000 events/s on both workloads.\n\n");
        md.append(
                "| workload | events / subjects | events/s end to end | once the producer had finished | × raw producer | × EOS + 1 write | target 100k/s | the same events under JFR profiling |\n|---|---|---|---|---|---|---|---|\n");
        for (KafkaPathWorkload.Outcome w : workloads) {
            md.append(String.format(
                    "| %s | %,d / %,d | %,.0f | %,.0f | %.2f | %.2f | %s | %s |%n",
                    w.name().equals("journeys")
                            ? "journeys (each subject's events together)"
                            : "interleaved (random order)",
                    w.events(),
                    w.subjects(),
                    w.perSecond(),
                    w.afterProducing(),
                    w.perSecond() / references.kafka().producerPerSecond(),
                    w.perSecond() / references.kafka().statefulPerSecond(),
                    w.counted() < w.events()
                            ? "**not all counted** (" + w.counted() + ")"
                            : w.perSecond() >= BenchmarkReport.TARGET ? "met" : "**missed**",
                    Double.isNaN(w.profiledPerSecond())
                            ? "not profiled"
                            : String.format("%,.0f events/s", w.profiledPerSecond())));
        }
        md.append(String.format(
                "%nBefore them, a warm-up of %,d journey events on its own experiment ran at %,.0f events/s (a service just "
                        + "started, JIT compiling). metrics-service heap after a full GC at the end: %s.%n%n",
                warmup, cold, heap));
        for (KafkaPathWorkload.Outcome w : workloads) {
            if (w.profile() == null) continue;
            md.append("### Profile: ")
                    .append(w.name())
                    .append(
                            w.perSecond() >= BenchmarkReport.TARGET
                                    ? " (target met)"
                                    : " (target missed: what the profile shows)")
                    .append(
                            "\n\nJFR (`jcmd <pid> JFR.start settings=profile`) on metrics-service's JVM for a second run of the workload, read with "
                                    + "`jdk.jfr.consumer.RecordingFile`. ")
                    .append(w.profile().markdown(12))
                    .append('\n');
        }
        md.append("## The other benchmarks, run against the same stack\n\n");
        md.append("Their own output, unchanged (each prints its figures beside its references from the same run). "
                + "`AggregationBenchmark` ran with `--warmup 0` (the service was warm).\n\n");
        sections.forEach((name, output) -> md.append("### ")
                .append(name)
                .append("\n\n```\n")
                .append(summary(output))
                .append("```\n\n"));
        md.append(
                "## How to run it\n\n```sh\n./mvnw -B -DskipTests package\n"
                        + "java -cp local-stack/target/local-stack.jar -Dloader.main=lab.like.stack.bench.BenchmarkReport \\\n"
                        + "    org.springframework.boot.loader.launch.PropertiesLauncher [--quick] [--events 1000000] [--out BENCHMARKS.md]\n```\n");
        return md.toString();
    }

    /** A benchmark's summary: from its "==" heading on (all of it when it has none). */
    private static String summary(String output) {
        int at = output.indexOf("\n== ");
        String text = at < 0 ? output : output.substring(at + 1);
        return text.endsWith("\n") ? text : text + "\n";
    }
}

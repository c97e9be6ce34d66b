package lab.like.stack.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.like.stack.ServiceProcess;
import lab.like.stack.Stack;
import lab.like.stack.cluster.Machine;
import lab.like.stack.cluster.OwnStack;

/**
 * Issue 15's benchmark report: one command starts its own local stack (free ports), measures the references
 * (raw Kafka producer and consumer, exactly-once Kafka Streams pass-through, the gateway's static endpoint),
 * the two Kafka-path workloads (journeys; interleaved) with a JFR profile of metrics-service each, then runs
 * {@link IngestionBenchmark}, {@link AggregationBenchmark} and {@link ResultsBenchmark} against the same stack,
 * and writes everything, with the machine's description and load, to {@code BENCHMARKS.md}.
 *
 * <p>{@code java -cp local-stack/target/local-stack.jar -Dloader.main=lab.like.stack.bench.BenchmarkReport
 * org.springframework.boot.loader.launch.PropertiesLauncher [--quick] [--out BENCHMARKS.md]}
 */
public final class BenchmarkReport {

    static final double TARGET = 100_000;

    private BenchmarkReport() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String[] options =
                List.of(args).stream().filter(a -> !a.equals("--quick")).toArray(String[]::new);
        Path home = Path.of(BenchTarget.option(options, "--home", "")).toAbsolutePath();
        Path out = Path.of(BenchTarget.option(
                options, "--out", home.resolve("BENCHMARKS.md").toString()));
        int events = (int) BenchTarget.longOption(options, "--events", quick ? 200_000 : 1_000_000);
        int subjects = (int) BenchTarget.longOption(options, "--subjects", events / 5);
        int warmup = (int) BenchTarget.longOption(options, "--warmup", quick ? 200_000 : 1_000_000);
        Path dir =
                home.resolve("target").resolve("benchmark-report").resolve(Long.toString(System.currentTimeMillis()));
        Files.createDirectories(dir);
        Instant began = Instant.now();
        String loadBefore = Machine.loadAverage();
        System.out.println("load average before: " + loadBefore);
        Map<String, String> sections = new LinkedHashMap<>();
        try (Stack stack = OwnStack.start(
                home, dir, "-Xmx512m", Duration.ofSeconds(600), line -> System.out.println("[stack] " + line))) {
            String gateway = "http://127.0.0.1:" + stack.config().gatewayPort();
            ServiceProcess metrics = stack.service("metrics-service");
            String[] targetArgs = {
                "--gateway",
                gateway,
                "--kafka",
                stack.config().kafkaBootstrapServers(),
                "--metrics-url",
                metrics.managementUri().toString()
            };
            BenchTarget target = BenchTarget.fromArgs(targetArgs);
            References references = References.measure(target, events, subjects, quick);
            System.out.println(references.markdown());
            double cold = warmup > 0 ? KafkaPathWorkload.warmUp(target, warmup) : Double.NaN;
            System.out.printf("warm-up: %,.0f events/s%n", cold);
            List<KafkaPathWorkload.Outcome> workloads = new ArrayList<>();
            // each workload twice, on a new experiment each time: the figure without a recording, then the same
            // events profiled (both rates are reported, so what the recording costs shows)
            for (boolean interleaved : new boolean[] {false, true}) {
                String name = interleaved ? "interleaved" : "journeys";
                KafkaPathWorkload.Outcome measured =
                        KafkaPathWorkload.run(target, name, events, subjects, interleaved, metrics.pid(), null);
                KafkaPathWorkload.Outcome profiled = KafkaPathWorkload.run(
                        target, name, events, subjects, interleaved, metrics.pid(), dir.resolve(name + ".jfr"));
                workloads.add(measured.withProfileOf(profiled));
            }
            workloads.forEach(w -> System.out.printf("%s: %,.0f events/s%n", w.name(), w.perSecond()));
            String heap = heapAfterGc(metrics);
            references = references.withStaticEndpoint(target, quick);
            sections.put(
                    "ingestion",
                    capture(() -> IngestionBenchmark.main(concat(
                            targetArgs,
                            quick ? new String[] {"--events", "60000", "--assignments", "10000"} : new String[0]))));
            sections.put(
                    "aggregation",
                    capture(() -> AggregationBenchmark.main(concat(
                            targetArgs,
                            quick
                                    ? new String[] {
                                        "--events", "200000", "--subjects", "40000", "--warmup", "0", "--seconds", "10"
                                    }
                                    : new String[] {"--warmup", "0"}))));
            sections.put(
                    "results",
                    capture(() -> ResultsBenchmark.main(
                            concat(targetArgs, quick ? new String[] {"--requests", "2000"} : new String[0]))));
            String loadAfter = Machine.loadAverage();
            String md = ReportWriter.markdown(
                    began, quick, loadBefore, loadAfter, references, cold, warmup, workloads, heap, sections);
            Files.writeString(out, md);
            System.out.println("wrote " + out.toAbsolutePath() + " (JFR recordings in " + dir + ")");
        }
    }

    /** metrics-service's heap right after a full GC (jcmd GC.run), from its own management port. */
    private static String heapAfterGc(ServiceProcess metrics) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(metrics.pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        metrics.managementUri().resolve("/actuator/prometheus"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        double bytes = response.body()
                .lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        return String.format("%.0f MB", bytes / 1024 / 1024);
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs a benchmark's main, printing its output as usual and returning it too. */
    private static String capture(Body body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
        try {
            body.run();
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
        } finally {
            System.setOut(original);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}

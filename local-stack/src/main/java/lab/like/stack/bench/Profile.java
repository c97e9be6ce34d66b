package lab.like.stack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of metrics-service during one workload ({@code jcmd <pid> JFR.start settings=profile}), read
 * with {@code jdk.jfr.consumer}: the hot methods of the Kafka Streams thread (own time: the top frame of each
 * execution sample), the LIKE Lab methods it was in (the first {@code lab.like} frame from the top), the share
 * of the samples that thread had, GC time and the CPU load of the JVM and the machine.
 */
final class Profile {

    private final Map<String, Integer> streamSelf = new HashMap<>();
    private final Map<String, Integer> streamOwn = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private int samples;
    private int streamSamples;
    private double gcMillis;
    private int gcCount;
    private double jvmCpu;
    private double machineCpu;
    private int cpuReadings;

    static void start(long pid, String name, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    static void stop(long pid, String name) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        List<String> line = new java.util.ArrayList<>(List.of(jcmd, Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    static Profile read(Path file) throws IOException {
        Profile profile = new Profile();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> profile.sample(event);
                case "jdk.GarbageCollection" -> {
                    profile.gcMillis += event.getDuration().toNanos() / 1e6;
                    profile.gcCount++;
                }
                case "jdk.CPULoad" -> {
                    profile.jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    profile.machineCpu += event.getFloat("machineTotal");
                    profile.cpuReadings++;
                }
                default -> {
                    // other events are not summarised
                }
            }
        }
        return profile;
    }

    private void sample(RecordedEvent event) {
        samples++;
        String thread = event.getThread("sampledThread") == null
                ? "?"
                : String.valueOf(event.getThread("sampledThread").getJavaName());
        String group = thread.replaceAll("[0-9]+", "N");
        threads.merge(group, 1, Integer::sum);
        if (!thread.contains("StreamThread") || event.getStackTrace() == null) return;
        streamSamples++;
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (frames.isEmpty()) return;
        streamSelf.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (method.startsWith("lab.like.")) {
                streamOwn.merge(method, 1, Integer::sum);
                break;
            }
        }
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** The summary in markdown: a sentence of totals, then two short tables. */
    String markdown(int top) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "%,d execution samples, %.0f%% of them in the Kafka Streams thread; GC %d collections, %.0f ms; CPU load "
                        + "of metrics-service's JVM %.0f%%, of the whole machine %.0f%% (averages over the recording).%n%n",
                samples,
                samples == 0 ? 0 : 100.0 * streamSamples / samples,
                gcCount,
                gcMillis,
                cpuReadings == 0 ? Double.NaN : 100 * jvmCpu / cpuReadings,
                cpuReadings == 0 ? Double.NaN : 100 * machineCpu / cpuReadings));
        md.append("| stream thread: hottest methods (own time) | share |\n|---|---|\n");
        sorted(streamSelf, top)
                .forEach((m, n) ->
                        md.append(String.format("| `%s` | %.1f%% |%n", m, 100.0 * n / Math.max(1, streamSamples))));
        md.append("\n| stream thread: LIKE Lab method on the stack (innermost) | share |\n|---|---|\n");
        sorted(streamOwn, top)
                .forEach((m, n) ->
                        md.append(String.format("| `%s` | %.1f%% |%n", m, 100.0 * n / Math.max(1, streamSamples))));
        int own = streamOwn.values().stream().mapToInt(Integer::intValue).sum();
        md.append(String.format(
                "%nSamples of the stream thread with no LIKE Lab frame (Kafka Streams' own work: polling, commits, "
                        + "record queue, metrics): %.0f%%.%n",
                100.0 * (streamSamples - own) / Math.max(1, streamSamples)));
        md.append("\n| threads (samples) | share |\n|---|---|\n");
        sorted(threads, 6)
                .forEach(
                        (t, n) -> md.append(String.format("| `%s` | %.1f%% |%n", t, 100.0 * n / Math.max(1, samples))));
        return md.toString();
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts, int top) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}

package lab.like.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: cores, memory, CPU, JVM, OS, and how loaded the machine was. */
public final class Machine {

    private Machine() {}

    /** The 1, 5 and 15 minute load averages and the running/total processes, from /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** One markdown list of the machine's description. */
    public static String description() {
        Runtime runtime = Runtime.getRuntime();
        return "- cores: " + runtime.availableProcessors() + " (" + cpuModel() + ")\n"
                + "- memory: " + memory() + "\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vendor") + ")\n"
                + "- OS: " + osName() + ", kernel " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch")
                + ")\n";
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("CPU model unknown");
    }

    private static String memory() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(
                        "%.1f GiB", Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024))
                .orElse("unknown");
    }

    private static String osName() {
        return firstValue(Path.of("/etc/os-release"), "PRETTY_NAME")
                .map(v -> v.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int cut = line.indexOf(':') >= 0 && !line.contains("=") ? line.indexOf(':') : line.indexOf('=');
                    return java.util.Optional.of(line.substring(cut + 1).trim());
                }
            }
        } catch (IOException e) {
            // not Linux: the caller says "unknown"
        }
        return java.util.Optional.empty();
    }
}

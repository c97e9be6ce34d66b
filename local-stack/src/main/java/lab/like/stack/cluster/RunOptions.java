package lab.like.stack.cluster;

import java.nio.file.Path;
import java.time.Duration;

/** Command-line options of the cluster run and the soak: {@code --name value}, defaults otherwise. */
final class RunOptions {

    private final String[] args;

    RunOptions(String[] args) {
        this.args = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            i++;
        }
    }

    String text(String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }

    long number(String name, long fallback) {
        return Long.parseLong(
                text(name, Long.toString(fallback)).replace("_", "").replace(",", ""));
    }

    Duration duration(String name, Duration fallback) {
        String value = text(name, null);
        if (value == null) return fallback;
        if (value.endsWith("ms")) return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        if (value.endsWith("s")) return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        if (value.endsWith("m")) return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(value));
    }

    Path path(String name, Path fallback) {
        String value = text(name, null);
        return value == null ? fallback : Path.of(value);
    }
}

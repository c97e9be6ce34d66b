package lab.like.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code <data>/pids}: the launcher and the service JVMs it started. Services notice a vanished launcher
 * themselves (see {@link ParentWatchdog}); this file is the second line of defence: a new start stops
 * leftovers a killed launcher could not, and refuses to run beside a launcher that is still alive.
 */
final class PidFile {

    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("pids");
    }

    /** A launcher that is still running with this data directory, if any. */
    Optional<ProcessHandle> liveLauncher() throws IOException {
        return entries().stream()
                .filter(e -> e.name().equals("launcher"))
                .flatMap(e -> e.live().stream())
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .findFirst();
    }

    /** Stops the service JVMs listed by a previous launcher that are still alive. */
    void stopLeftovers(Consumer<String> progress) throws IOException {
        for (Entry entry : entries()) {
            if (entry.name().equals("launcher")) {
                continue;
            }
            for (ProcessHandle leftover : entry.live().stream().toList()) {
                progress.accept("Stopping leftover " + entry.name() + " (pid " + leftover.pid()
                        + ") from an earlier run that did not shut down");
                leftover.destroy();
                try {
                    leftover.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    leftover.destroyForcibly();
                }
            }
        }
        Files.deleteIfExists(file);
    }

    void write(List<ProcessHandle> launcherAndServices, List<String> names) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ProcessHandle handle = launcherAndServices.get(i);
            lines.add(names.get(i) + " " + handle.pid() + " "
                    + handle.info().startInstant().map(Instant::toString).orElse("-"));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private List<Entry> entries() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3 && parts[1].matches("\\d+")) {
                entries.add(new Entry(parts[0], Long.parseLong(parts[1]), parts[2]));
            }
        }
        return entries;
    }

    private record Entry(String name, long pid, String startInstant) {
        /** The process, if it is alive and is the same process (same start time, so not a reused pid). */
        Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info()
                    .startInstant()
                    .map(Instant::toString)
                    .orElse("-")
                    .equals(startInstant));
        }
    }
}

package lab.like.stack.cluster;

import java.util.function.Consumer;

/** Timestamped notes of a run (seconds since it began), printed as they happen and kept for the summary. */
final class Timeline {

    private final long start = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private final Consumer<String> log;

    Timeline(Consumer<String> log) {
        this.log = log;
    }

    synchronized void note(String line) {
        String stamped = String.format("[%7.1f s] %s", seconds(), line);
        text.append(stamped).append('\n');
        log.accept(stamped);
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    synchronized String text() {
        return text.toString();
    }
}

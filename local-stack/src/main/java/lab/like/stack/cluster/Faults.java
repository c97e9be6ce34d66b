package lab.like.stack.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import lab.like.stack.ServiceProcess;

/** The cluster run's faults: a broker killed, a metrics-service instance killed, and what the cluster does next. */
final class Faults {

    private Faults() {}

    /** Kills the node that leads the most usage-events partitions, and waits until others lead them all. */
    static int killBroker(KafkaCluster kafka, KafkaWatch watch, Timeline timeline) throws Exception {
        Map<Integer, Integer> leaders = watch.leaders("usage-events");
        int victim = leaders.values().stream()
                .filter(id -> id > 0)
                .reduce((a, b) -> java.util.Collections.frequency(leaders.values(), a)
                                >= java.util.Collections.frequency(leaders.values(), b)
                        ? a
                        : b)
                .orElse(1);
        timeline.note("usage-events before: " + watch.describe("usage-events"));
        kafka.kill(victim);
        long killed = System.nanoTime();
        timeline.note("KILLED Kafka node " + victim + " (SIGKILL)");
        while (watch.leaders("usage-events").containsValue(victim)
                || watch.leaders("usage-events").containsValue(-1)) {
            if (System.nanoTime() - killed > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("node " + victim + "'s partitions got no new leader within 2 minutes");
            }
            Thread.sleep(200);
        }
        timeline.note(String.format(
                "new leaders for every usage-events partition %.1f s after the kill: %s",
                (System.nanoTime() - killed) / 1e9, watch.describe("usage-events")));
        return victim;
    }

    /** Kills (SIGKILL) the instance that holds the most usage-events partitions. */
    static String killMetrics(ServiceSet services, KafkaWatch watch, Timeline timeline) throws Exception {
        Map<String, Set<Integer>> holders = watch.holders("usage-events");
        timeline.note("usage-events partitions held by: " + holders);
        String victim = holders.entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey)
                .filter(name -> services.service(name) != null)
                .orElse("metrics-service-1");
        ServiceProcess process = services.service(victim);
        process.kill();
        timeline.note("KILLED " + victim + " (SIGKILL, pid " + process.pid() + ")");
        return victim;
    }

    /** Waits until the survivor holds every usage-events partition; returns the killed instance's name. */
    static String awaitMoved(KafkaWatch watch, String victim, long killed, Timeline timeline) throws Exception {
        while (true) {
            Map<String, Set<Integer>> now = watch.holders("usage-events");
            if (!now.containsKey(victim)
                    && now.values().stream().mapToInt(Set::size).sum() == 3
                    && now.size() == 1) {
                timeline.note(String.format(
                        "all usage-events partitions moved to the survivor %.1f s after the kill: %s",
                        (System.nanoTime() - killed) / 1e9, now));
                return victim;
            }
            if (System.nanoTime() - killed > Duration.ofMinutes(3).toNanos()) {
                throw new IllegalStateException("the partitions did not move to the survivor within 3 minutes: " + now);
            }
            Thread.sleep(250);
        }
    }

    interface Step<T> {
        T run() throws Exception;
    }

    static <T> java.util.concurrent.CompletableFuture<T> async(Step<T> step) {
        java.util.concurrent.CompletableFuture<T> future = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        future.complete(step.run());
                    } catch (Exception | Error e) {
                        future.completeExceptionally(e);
                    }
                },
                "cluster-run-fault");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    static void awaitHolders(KafkaWatch watch, Timeline timeline, int instances, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Set<Integer>> holders = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                holders = watch.holders("usage-events");
            } catch (Exception notYet) {
                holders = Map.of();
            }
            if (holders.size() == instances
                    && holders.values().stream().allMatch(p -> !p.isEmpty())
                    && holders.values().stream().mapToInt(Set::size).sum() == 3) {
                timeline.note("usage-events partitions held by: " + holders);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the two metrics-service instances did not share the partitions: " + holders);
    }
}

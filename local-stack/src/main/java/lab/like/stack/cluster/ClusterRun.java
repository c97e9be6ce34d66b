package lab.like.stack.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.like.stack.EmbeddedMongo;
import lab.like.stack.GatewayClient;
import lab.like.stack.Ports;
import lab.like.stack.ServiceProcess;

/**
 * Issue 15's distributed run on one machine: a three-node KRaft cluster (replication 3, min.insync.replicas 2),
 * two metrics-service instances sharing the usage-event partitions (one Kafka Streams application id), one
 * experiment-service and the gateway, with many experiments. Sends journeys through the gateway, kills one
 * broker and then one metrics-service instance mid-stream (SIGKILL), watches the partitions move, and checks
 * every count of every variant against the generator's own tally. Exit code 0 when every count is exact.
 *
 * <p>{@code java -cp local-stack/target/local-stack.jar -Dloader.main=lab.like.stack.cluster.ClusterRun
 * org.springframework.boot.loader.launch.PropertiesLauncher [--events 200000] [--experiments 20]}
 */
public final class ClusterRun {

    static final String TEAM_KEY = "dev-team-key";
    static final String EMITTER_KEY = "dev-emitter-key";

    private ClusterRun() {}

    public static void main(String[] args) throws Exception {
        RunOptions options = new RunOptions(args);
        ClusterRunResult result = run(options, System.out::println);
        System.out.println();
        System.out.println(result.table());
        System.out.println(result.timeline());
        System.exit(result.exact() ? 0 : 1);
    }

    /** The whole run; everything it started is stopped before it returns. */
    static ClusterRunResult run(RunOptions options, java.util.function.Consumer<String> log) throws Exception {
        Path home = options.path("--home", Path.of("")).toAbsolutePath();
        Path dir = options.path(
                        "--dir",
                        home.resolve("target")
                                .resolve("cluster-run")
                                .resolve(Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        int experiments = (int) options.number("--experiments", 20);
        int events = (int) options.number("--events", 200_000);
        int batch = (int) options.number("--batch", 250);
        int senders = (int) options.number("--senders", 4);
        Duration startTimeout = options.duration("--start-timeout", Duration.ofSeconds(480));
        Duration countTimeout = options.duration("--count-timeout", Duration.ofMinutes(10));
        List<String> javaOptions =
                List.of(options.text("--service-java-opts", "-Xmx512m").split(" "));
        Timeline timeline = new Timeline(log);
        Files.createDirectories(dir);
        Path jars = ServiceSet.copyJars(home, dir.resolve("home"));
        String agent = AgentJar.option(AgentJar.write(dir.resolve("run")));
        List<String> serviceOptions = new ArrayList<>(javaOptions);
        serviceOptions.add(agent);
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(Ports.free(1).get(0));
                KafkaCluster kafka = KafkaCluster.start(
                        dir.resolve("kafka"), 3, List.of(agent, "-Xmx384m", "-Xms64m"), startTimeout);
                var admin = kafka.admin()) {
            timeline.note("three Kafka nodes up: " + kafka.bootstrapServers());
            kafka.createTopics(
                    Map.of(
                            "usage-events", 3,
                            "usage-events.demo", 3,
                            "usage-events.other", 3,
                            "usage-events.dlt", 3,
                            "kpi-aggregates", 3,
                            "experiments", 1),
                    List.of("kpi-aggregates", "experiments"));
            KafkaWatch watch = new KafkaWatch(admin);
            timeline.note("usage-events: " + watch.describe("usage-events"));
            try (ServiceSet services =
                    new ServiceSet(jars, dir, kafka.bootstrapServers(), mongo.connectionString(), serviceOptions, 2)) {
                services.start(startTimeout);
                timeline.note("experiment-service, metrics-service-1, metrics-service-2 and the gateway ready ("
                        + services.gatewayUrl() + ", logs in " + dir.resolve("logs") + ")");
                GatewayClient gateway = new GatewayClient(java.net.URI.create(services.gatewayUrl()));
                Pilots pilots = Pilots.create(gateway, TEAM_KEY, experiments);
                Tally tally = new Tally();
                pilots.declare(tally);
                timeline.note(experiments + " experiments running and known to metrics-service");
                awaitHolders(watch, timeline, 2, Duration.ofMinutes(3));
                return stream(
                        options,
                        kafka,
                        watch,
                        services,
                        gateway,
                        pilots,
                        tally,
                        events,
                        batch,
                        senders,
                        countTimeout,
                        timeline);
            }
        }
    }

    private static ClusterRunResult stream(
            RunOptions options,
            KafkaCluster kafka,
            KafkaWatch watch,
            ServiceSet services,
            GatewayClient gateway,
            Pilots pilots,
            Tally tally,
            int events,
            int batchSize,
            int senders,
            Duration countTimeout,
            Timeline timeline)
            throws Exception {
        JourneyGenerator generator = new JourneyGenerator(options.number("--seed", 15), tally);
        ResultsReader reader = ResultsReader.start(gateway, TEAM_KEY, pilots.ids());
        java.util.concurrent.CompletableFuture<Integer> brokerKill = null;
        java.util.concurrent.CompletableFuture<String> metricsMove = null;
        long sent = 0;
        try (EventSender sender = new EventSender(services.gatewayUrl(), EMITTER_KEY, senders, 0)) {
            List<String> batch = new ArrayList<>(batchSize + 8);
            int journeyNo = 0;
            while (sent < events) {
                Pilots.Pilot pilot = pilots.all().get(journeyNo++ % pilots.all().size());
                batch.addAll(generator.journey(pilot.id(), pilot.variants()));
                if (batch.size() >= batchSize) {
                    sender.send(List.copyOf(batch));
                    sent += batch.size();
                    batch.clear();
                }
                if (brokerKill == null && sent >= events / 3) {
                    // the stream goes on while the cluster elects new leaders
                    brokerKill = async(() -> killBroker(kafka, watch, timeline));
                }
                if (metricsMove == null && sent >= 2L * events / 3) {
                    brokerKill.get();
                    String victim = killMetrics(services, watch, timeline);
                    long killed = System.nanoTime();
                    metricsMove = async(() -> awaitMoved(watch, victim, killed, timeline));
                }
            }
            if (!batch.isEmpty()) {
                sender.send(List.copyOf(batch));
                sent += batch.size();
            }
            sender.finish();
            int brokerKilled = brokerKill.get();
            String metricsKilled = metricsMove.get();
            timeline.note(String.format(
                    "all %,d events accepted (%,d distinct; %d batches resent after a 5xx, 429 or no answer; %d events rejected)",
                    sent, tally.totalEvents(), sender.retries(), sender.rejections()));
            sender.problems().stream().limit(10).forEach(p -> timeline.note("  sender: " + p));
            ResultsCheck.Outcome outcome = awaitExact(gateway, tally, countTimeout, timeline);
            String assignment = watch.holders("usage-events").toString();
            timeline.note("usage-events partitions held by: " + assignment);
            timeline.note("usage-events: " + watch.describe("usage-events"));
            reader.stop();
            timeline.note(String.format(
                    "results read through the gateway while streaming: %,d reads, %,d not 200 (around the kills)",
                    reader.reads(), reader.failures()));
            return new ClusterRunResult(
                    outcome, timeline.text(), brokerKilled, metricsKilled, assignment, sender.rejections());
        } finally {
            reader.stop();
        }
    }

    /** Kills the node that leads the most usage-events partitions, and waits until others lead them all. */
    private static int killBroker(KafkaCluster kafka, KafkaWatch watch, Timeline timeline) throws Exception {
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
    private static String killMetrics(ServiceSet services, KafkaWatch watch, Timeline timeline) throws Exception {
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
    private static String awaitMoved(KafkaWatch watch, String victim, long killed, Timeline timeline) throws Exception {
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

    private static <T> java.util.concurrent.CompletableFuture<T> async(Step<T> step) {
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

    private static void awaitHolders(KafkaWatch watch, Timeline timeline, int instances, Duration timeout)
            throws Exception {
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

    private static ResultsCheck.Outcome awaitExact(
            GatewayClient gateway, Tally tally, Duration timeout, Timeline timeline) throws InterruptedException {
        long start = System.nanoTime();
        ResultsCheck.Outcome outcome;
        do {
            outcome = ResultsCheck.check(gateway, TEAM_KEY, tally);
            if (outcome.exact()) {
                timeline.note(String.format(
                        "every count exact %.1f s after the last batch was accepted",
                        (System.nanoTime() - start) / 1e9));
                return outcome;
            }
            if (outcome.countedEvents() > outcome.expectedEvents()) {
                // more counted than sent distinct: waiting cannot make it right
                break;
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() - start < timeout.toNanos());
        timeline.note("counts NOT exact after " + timeout.toSeconds() + " s");
        return outcome;
    }
}

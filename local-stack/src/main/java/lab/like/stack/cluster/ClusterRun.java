package lab.like.stack.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.like.stack.EmbeddedMongo;
import lab.like.stack.GatewayClient;
import lab.like.stack.Ports;
import lab.like.stack.load.ResultsCheck;
import lab.like.stack.load.Tally;

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
                Faults.awaitHolders(watch, timeline, 2, Duration.ofMinutes(3));
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
                    brokerKill = Faults.async(() -> Faults.killBroker(kafka, watch, timeline));
                }
                if (metricsMove == null && sent >= 2L * events / 3) {
                    brokerKill.get();
                    String victim = Faults.killMetrics(services, watch, timeline);
                    long killed = System.nanoTime();
                    metricsMove = Faults.async(() -> Faults.awaitMoved(watch, victim, killed, timeline));
                }
            }
            if (!batch.isEmpty()) {
                sender.send(List.copyOf(batch));
                sent += batch.size();
            }
            sender.finish();
            timeline.note(String.format(
                    "all %,d events accepted (%,d distinct; %d batches resent after a 5xx, 429 or no answer; %d events rejected)",
                    sent, tally.totalEvents(), sender.retries(), sender.rejections()));
            sender.problems().stream().limit(10).forEach(p -> timeline.note("  sender: " + p));
            int brokerKilled = brokerKill.get();
            String metricsKilled = metricsMove.get();
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

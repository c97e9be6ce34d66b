package lab.like.stack.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import lab.like.stack.GatewayClient;
import lab.like.stack.GatewayClient.Response;
import lab.like.stack.Ports;
import lab.like.stack.Stack;
import lab.like.stack.StackConfig;
import lab.like.stack.Supervisor;
import lab.like.stack.load.Tally;

/**
 * The fault suite: creates pilots, sends a known stream of events over HTTP (through the gateway) and over the
 * organisation's Kafka topic, every event twice and 10% of the stream once more after the broker restart, while
 * {@link Faults#PLAN} kills and restarts the parts of the running stack; then checks every count of every
 * variant against the suite's own {@link Tally}. Run it with {@link #main} (see the module README) or from a
 * test with a started stack.
 */
public final class FaultSuite {

    static final int STEPS = 16;
    private static final int HTTP_BATCH = 500;
    private static final int KAFKA_BATCH = 2000;

    /** How big a run is. */
    public record Settings(int events, int pilots, long seed, int httpSenders) {

        /** The short version that runs in {@code ./mvnw verify}. */
        public static Settings quick() {
            return new Settings(20_000, 6, 15, 2);
        }
    }

    /** What a run found. */
    public record Report(
            int events,
            long sends,
            long replayed,
            long rejected,
            Map<String, Long> rejections,
            Map<String, Long> resends,
            List<String> faults,
            String restarts,
            int cells,
            long lost,
            long doubled,
            List<String> mismatches,
            List<String> table,
            double streamSeconds,
            double settleSeconds) {

        public boolean exact() {
            return mismatches.isEmpty() && rejected == 0;
        }

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    "Fault suite: %,d distinct events, %,d sends (each event twice, %,d replayed after the broker restart),"
                            + " stream %.1f s, results settled %.1f s after it",
                    events, sends, replayed, streamSeconds, settleSeconds));
            lines.add("Faults: "
                    + String.join(
                            "; ",
                            faults.stream()
                                    .map(f -> f.replaceFirst("^\\[fault ", "["))
                                    .toList()));
            lines.add("Supervisor restarts: " + restarts);
            lines.add("Resent (client side): " + (resends.isEmpty() ? "nothing" : resends));
            lines.add("Rejected: " + (rejections.isEmpty() ? "none" : rejections));
            lines.addAll(table);
            lines.add(String.format(
                    "%d counts compared (every variant of every pilot, and each pilot's eventsCounted): %d differ;"
                            + " lost %d, double-counted %d",
                    cells, mismatches.size(), lost, doubled));
            mismatches.forEach(m -> lines.add("  MISMATCH " + m));
            return lines;
        }
    }

    private FaultSuite() {}

    /** Runs the suite on a started, supervised stack with embedded, restartable Kafka and H2-backed MongoDB. */
    public static Report run(Stack stack, Settings settings, Consumer<String> out) throws Exception {
        URI base = URI.create("http://localhost:" + stack.config().gatewayPort());
        GatewayClient gateway = new GatewayClient(base);
        List<StreamGenerator.Pilot> pilots = StreamGenerator.pilots(settings.pilots());
        List<String> ids = new ArrayList<>();
        for (StreamGenerator.Pilot pilot : pilots) {
            ids.add(createAndStart(gateway, pilot, settings.seed()));
        }
        List<FaultEvent> stream = StreamGenerator.generate(pilots, settings.events(), settings.seed(), Instant.now());
        Tally tally = tally(stream, ids);
        out.accept(
                String.format("Generated %,d events over %d pilots; the tally is ready", stream.size(), pilots.size()));

        SendStats stats = new SendStats();
        HttpEventSender http = new HttpEventSender(base, "dev-emitter-key", ids::get, stats);
        ExecutorService senders = Executors.newFixedThreadPool(settings.httpSenders() + 1);
        Random random = new Random(settings.seed() * 31);
        AtomicBoolean replayDue = new AtomicBoolean();
        long streamStart = System.nanoTime();
        try (KafkaEventSender kafka =
                        new KafkaEventSender(stack.config().kafkaBootstrapServers(), "demo", ids::get, stats);
                Faults faults = new Faults(stack, out)) {
            List<CompletableFuture<Void>> faultSteps = new ArrayList<>();
            int size = (stream.size() + STEPS - 1) / STEPS;
            int nextFault = 0;
            boolean replayed = false;
            for (int step = 0; step <= STEPS; step++) {
                if (nextFault < Faults.PLAN.size() && step == (nextFault + 1) * STEPS / (Faults.PLAN.size() + 1)) {
                    Faults.Step fault = Faults.PLAN.get(nextFault++);
                    Faults.Applied applied = faults.apply(fault);
                    applied.applied().get(); // mid-stream: what follows is sent while it recovers
                    if (fault.kind() == Faults.Kind.RESTART_KAFKA) {
                        applied.done().thenRun(() -> replayDue.set(true));
                    }
                    faultSteps.add(applied.done());
                }
                List<FaultEvent> batch = new ArrayList<>();
                if (step < STEPS) {
                    batch.addAll(stream.subList(step * size, Math.min(stream.size(), (step + 1) * size)));
                }
                if (step > 0) {
                    // every event a second time, in other batches than the first time
                    List<FaultEvent> again =
                            new ArrayList<>(stream.subList((step - 1) * size, Math.min(stream.size(), step * size)));
                    Collections.shuffle(again, random);
                    batch.addAll(again);
                }
                if (!replayed && replayDue.get()) {
                    replayed = true;
                    List<FaultEvent> replay = replayOf(
                            stream.subList(0, Math.min(stream.size(), step * size)), stream.size() / 10, random);
                    stats.replayed.add(replay.size());
                    out.accept(String.format(
                            "Replaying %,d events (10%% of the stream) after the broker restart", replay.size()));
                    batch.addAll(replay);
                }
                send(batch, http, kafka, senders, settings.httpSenders());
                out.accept(String.format(
                        "step %2d/%d sent: %,d over HTTP, %,d over Kafka",
                        step, STEPS, stats.httpEvents.sum(), stats.kafkaRecords.sum()));
            }
            for (CompletableFuture<Void> step : faultSteps) {
                step.get();
            }
            if (!replayed) {
                throw new IllegalStateException("the broker restart never completed, so nothing was replayed");
            }
            faults.awaitAllReady();
            double streamSeconds = (System.nanoTime() - streamStart) / 1e9;
            out.accept(String.format(
                    "Stream and faults done in %.1f s; every service is ready; waiting for the results",
                    streamSeconds));
            long settleStart = System.nanoTime();
            CountsTable.Outcome outcome = new CountsTable(gateway, pilots, ids, tally)
                    .await(Duration.ofMinutes(3), Duration.ofMinutes(20), out);
            return new Report(
                    stream.size(),
                    stats.httpEvents.sum() + stats.kafkaRecords.sum(),
                    stats.replayed.sum(),
                    stats.rejected.get(),
                    stats.rejections(),
                    stats.resends(),
                    faults.applied(),
                    stack.supervisor().map(Supervisor::status).orElse("not supervised"),
                    outcome.cells(),
                    outcome.lost(),
                    outcome.doubled(),
                    outcome.mismatches(),
                    outcome.table(),
                    streamSeconds,
                    (System.nanoTime() - settleStart) / 1e9);
        } finally {
            senders.shutdownNow();
        }
    }

    /** The suite's expected counts: every distinct event once (its duplicates are sends, not events). */
    private static Tally tally(List<FaultEvent> stream, List<String> ids) {
        Tally tally = new Tally();
        Set<String> seen = new HashSet<>();
        for (FaultEvent e : stream) {
            if (seen.add(e.experiment() + "/" + e.eventId())) { // counting is after removing duplicate eventIds
                tally.count(ids.get(e.experiment()), e.variant(), e.subjectId(), e.type(), e.channel(), e.score());
            }
        }
        return tally;
    }

    /** A random sample of what was sent; half of it goes over the other path this time. */
    private static List<FaultEvent> replayOf(List<FaultEvent> sent, int count, Random random) {
        List<FaultEvent> sample = new ArrayList<>(sent);
        Collections.shuffle(sample, random);
        List<FaultEvent> replay = new ArrayList<>(sample.subList(0, Math.min(count, sample.size())));
        for (int i = 0; i < replay.size(); i += 2) {
            FaultEvent e = replay.get(i);
            replay.set(
                    i,
                    new FaultEvent(
                            e.eventId(),
                            e.experiment(),
                            e.subjectId(),
                            e.variant(),
                            e.type(),
                            e.channel(),
                            e.occurredAtEpochSecond(),
                            e.durationMs(),
                            e.score(),
                            !e.overKafka()));
        }
        return replay;
    }

    private static void send(
            List<FaultEvent> events,
            HttpEventSender http,
            KafkaEventSender kafka,
            ExecutorService senders,
            int httpSenders)
            throws Exception {
        List<FaultEvent> overHttp = new ArrayList<>();
        List<FaultEvent> overKafka = new ArrayList<>();
        events.forEach(e -> (e.overKafka() ? overKafka : overHttp).add(e));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        sends.add(CompletableFuture.runAsync(
                () -> {
                    for (int i = 0; i < overKafka.size(); i += KAFKA_BATCH) {
                        List<FaultEvent> part = overKafka.subList(i, Math.min(overKafka.size(), i + KAFKA_BATCH));
                        interruptibly(() -> kafka.send(part));
                    }
                },
                senders));
        List<List<FaultEvent>> batches = new ArrayList<>();
        for (int i = 0; i < overHttp.size(); i += HTTP_BATCH) {
            batches.add(overHttp.subList(i, Math.min(overHttp.size(), i + HTTP_BATCH)));
        }
        for (int worker = 0; worker < httpSenders; worker++) {
            int first = worker;
            sends.add(CompletableFuture.runAsync(
                    () -> {
                        for (int b = first; b < batches.size(); b += httpSenders) {
                            List<FaultEvent> batch = batches.get(b);
                            interruptibly(() -> http.send(batch));
                        }
                    },
                    senders));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
    }

    private interface Send {
        void run() throws InterruptedException;
    }

    private static void interruptibly(Send send) {
        try {
            send.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String createAndStart(GatewayClient gateway, StreamGenerator.Pilot pilot, long seed) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < pilot.variants().size(); i++) {
            variants.add(Map.of(
                    "key", pilot.variants().get(i), "weight", pilot.weights().get(i)));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", pilot.name() + " (seed " + seed + ", " + Instant.now() + ")");
        body.put("service", "fault-suite");
        body.put("variants", variants);
        body.put("eligiblePopulation", 1_000_000);
        Response created = gateway.post("/api/v1/experiments", "dev-team-key", body);
        if (created.status() != 201) {
            throw new IllegalStateException(
                    "creating " + pilot.name() + ": " + created.status() + " " + created.abbreviated());
        }
        String id = created.json().path("id").asText();
        Response started = gateway.post("/api/v1/experiments/" + id + "/start", "dev-team-key", "{}");
        if (started.status() != 200) {
            throw new IllegalStateException(
                    "starting " + pilot.name() + ": " + started.status() + " " + started.abbreviated());
        }
        return id;
    }

    /**
     * {@code java -jar local-stack/target/local-stack.jar fault-suite [--events N] [--pilots N] [--seed N]}, from
     * the repository root after {@code ./mvnw -DskipTests package}: starts its own stack on free ports (data under
     * {@code target/fault-suite/<time>}), runs the suite, prints the table, exits 0 when every count is exact.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Settings quick = Settings.quick();
        Settings settings = new Settings(
                Integer.parseInt(options.getOrDefault("--events", "1000000")),
                Integer.parseInt(options.getOrDefault("--pilots", "20")),
                Long.parseLong(options.getOrDefault("--seed", String.valueOf(quick.seed()))),
                Integer.parseInt(options.getOrDefault("--http-senders", "3")));
        Path home =
                Path.of(options.getOrDefault("--home", ".")).toAbsolutePath().normalize();
        Path data = home.resolve("target").resolve("fault-suite").resolve(String.valueOf(System.currentTimeMillis()));
        System.setProperty("likelab.log.dir", data.resolve("logs").toString());
        Map<String, String> env = new HashMap<>();
        env.put("LIKELAB_SERVICE_JAVA_OPTS", options.getOrDefault("--service-java-opts", "-Xmx512m"));
        StackConfig config = StackConfig.parse(scratchArgs(home, data, "480"), env);
        Consumer<String> out =
                line -> System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + line);
        Report report;
        try (Stack stack = Stack.start(config, out)) {
            stack.supervise(Supervisor.Backoff.DEFAULT);
            report = run(stack, settings, out);
        }
        report.lines().forEach(System.out::println);
        System.exit(report.exact() ? 0 : 1);
    }

    /** Launcher options for a scratch stack: free ports, this data directory, H2-backed MongoDB. */
    public static String[] scratchArgs(Path home, Path data, String startTimeoutSeconds) {
        List<Integer> ports = Ports.free(9);
        return new String[] {
            "--home", home.toString(),
            "--data-dir", data.toString(),
            "--gateway-port", ports.get(0).toString(),
            "--experiment-port", ports.get(1).toString(),
            "--metrics-port", ports.get(2).toString(),
            "--kafka-port", ports.get(3).toString(),
            "--kafka-controller-port", ports.get(4).toString(),
            "--mongo-port", ports.get(5).toString(),
            "--gateway-management-port", ports.get(6).toString(),
            "--experiment-management-port", ports.get(7).toString(),
            "--metrics-management-port", ports.get(8).toString(),
            "--start-timeout", startTimeoutSeconds
        };
    }
}

package lab.like.stack.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.like.stack.GatewayClient;
import lab.like.stack.ServiceProcess;
import lab.like.stack.Stack;
import lab.like.stack.load.ResultsCheck;
import lab.like.stack.load.Tally;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The soak's phases on a running stack: measure the maximum rate, run at half of it, drain, check the counts. */
final class SoakRun {

    /** Everything the report needs. */
    record Outcome(
            double measuredMaxRate,
            double soakRate,
            Duration duration,
            int experiments,
            int readers,
            int streams,
            List<SoakSample> samples,
            List<String> services,
            long errors,
            List<String> problems,
            long streamDocuments,
            long streamHeartbeats,
            double drainSeconds,
            ResultsCheck.Outcome counts,
            SoakChecks checks) {

        boolean passed() {
            return checks.passed() && counts.exact();
        }
    }

    private final Stack stack;
    private final RunOptions options;
    private final Timeline timeline;
    private final GatewayClient gateway;
    private final Tally tally = new Tally();
    private final JourneyGenerator generator;

    SoakRun(Stack stack, RunOptions options, Timeline timeline) {
        this.stack = stack;
        this.options = options;
        this.timeline = timeline;
        this.gateway = Soak.gateway(stack);
        this.generator = new JourneyGenerator(options.number("--seed", 10), tally);
    }

    Outcome run() throws Exception {
        Duration duration = options.duration("--duration", Duration.ofMinutes(10));
        Duration interval = options.duration("--sample", Duration.ofSeconds(5));
        Duration gcEvery = options.duration("--gc-every", Duration.ofSeconds(60));
        int experiments = (int) options.number("--experiments", 10);
        int readers = (int) options.number("--readers", 4);
        int streamCount = (int) Math.min(experiments, options.number("--streams", 5));
        Pilots pilots = Pilots.create(gateway, ClusterRun.TEAM_KEY, experiments);
        pilots.declare(tally);
        String gatewayUrl = gateway.base().toString();
        double maxRate = options.number("--rate", 0) > 0 ? Double.NaN : measureMax(pilots, gatewayUrl);
        double rate = options.number("--rate", 0) > 0 ? options.number("--rate", 0) : maxRate / 2;
        timeline.note(String.format("soak at %,.0f events/s for %d s", rate, duration.toSeconds()));

        List<ServiceProcess> services = new ArrayList<>();
        Stack.SERVICES.forEach(name -> services.add(stack.service(name)));
        ServiceProbe probe = new ServiceProbe(services);
        Window reads = new Window();
        List<ResultsReader> readerThreads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            readerThreads.add(ResultsReader.start(gateway, Soak.ANALYST_KEY, pilots.ids(), 200, reads));
        }
        ResultsStreams streams =
                new ResultsStreams(gatewayUrl, Soak.ANALYST_KEY, pilots.ids().subList(0, streamCount));
        streams.start();
        List<SoakSample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long errors;
        double drain;
        try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.config().kafkaBootstrapServers()));
                EventSender sender = new EventSender(gatewayUrl, ClusterRun.EMITTER_KEY, 4, rate)) {
            KafkaWatch watch = new KafkaWatch(admin);
            SoakSampler sampler =
                    new SoakSampler(probe, watch, sender, reads, streams, this::counted, interval, gcEvery);
            Thread feeder = feeder(sender, pilots, rate, duration);
            feeder.start();
            samples.addAll(sampler.sampleUntil(() -> !feeder.isAlive(), timeline));
            feeder.join();
            sender.finish();
            readerThreads.forEach(ResultsReader::stop);
            streams.stop();
            timeline.note(String.format("soak load stopped: %,d events accepted", sender.accepted()));
            drain = awaitCounted(Duration.ofMinutes(3));
            timeline.note(String.format("every event counted %.1f s after the load stopped", drain));
            errors = sender.window().totalFailures() + sender.rejections() + reads.totalFailures() + streams.errors();
            problems.addAll(sender.problems());
            problems.addAll(streams.problems());
            readerThreads.forEach(r -> problems.addAll(r.problems()));
        }
        ResultsCheck.Outcome counts = ResultsCheck.check(gateway, ClusterRun.TEAM_KEY, tally);
        timeline.note("counts: "
                + (counts.exact() ? "every count of every variant exact" : counts.differences() + " rows differ"));
        SoakChecks checks = SoakChecks.of(samples, probe.names(), rate, errors, drain, duration);
        return new Outcome(
                maxRate,
                rate,
                duration,
                experiments,
                readers,
                streamCount,
                samples,
                probe.names(),
                errors,
                problems,
                streams.documents(),
                streams.heartbeats(),
                drain,
                counts,
                checks);
    }

    /**
     * After a warm-up, sends as fast as 8 senders can, then waits until everything is counted: events over that
     * time.
     */
    private double measureMax(Pilots pilots, String gatewayUrl) throws Exception {
        int events = (int) options.number("--measure-events", 150_000);
        // services that just started run interpreted code: a fifth of the events first, not timed
        try (EventSender warm = new EventSender(gatewayUrl, ClusterRun.EMITTER_KEY, 8, 0)) {
            feed(warm, pilots, events / 5);
            warm.finish();
        }
        awaitCounted(Duration.ofMinutes(5));
        long before = tally.totalEvents();
        long start = System.nanoTime();
        try (EventSender sender = new EventSender(gatewayUrl, ClusterRun.EMITTER_KEY, 8, 0)) {
            feed(sender, pilots, events);
            sender.finish();
            double ingest = sender.accepted() / ((System.nanoTime() - start) / 1e9);
            timeline.note(String.format("maximum: %,.0f events/s accepted through the gateway", ingest));
        }
        awaitCounted(Duration.ofMinutes(5));
        double rate = (tally.totalEvents() - before) / ((System.nanoTime() - start) / 1e9);
        timeline.note(String.format(
                "measured maximum: %,.0f events/s end to end (%,d distinct events sent and counted)",
                rate, tally.totalEvents() - before));
        return rate;
    }

    private Thread feeder(EventSender sender, Pilots pilots, double rate, Duration duration) {
        long events = (long) (rate * duration.toSeconds());
        Thread thread = new Thread(
                () -> {
                    try {
                        feed(sender, pilots, events);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "soak-feeder");
        thread.setDaemon(true);
        return thread;
    }

    private void feed(EventSender sender, Pilots pilots, long events) throws InterruptedException {
        List<String> batch = new ArrayList<>(260);
        long sent = 0;
        int journey = 0;
        while (sent < events) {
            Pilots.Pilot pilot = pilots.all().get(journey++ % pilots.all().size());
            batch.addAll(generator.journey(pilot.id(), pilot.variants()));
            if (batch.size() >= 250) {
                sender.send(List.copyOf(batch));
                sent += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) sender.send(List.copyOf(batch));
    }

    /** eventsCounted summed over the experiments (-1 when a read fails). */
    long counted() {
        long sum = 0;
        for (String id : tally.experiments()) {
            try {
                GatewayClient.Response r = gateway.get("/api/v1/experiments/" + id + "/results", ClusterRun.TEAM_KEY);
                if (r.status() != 200) return -1;
                sum += r.json().path("eventsCounted").asLong();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return sum;
    }

    private double awaitCounted(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (counted() >= tally.totalEvents()) break;
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static Map<String, Double> nanMap(List<String> names) {
        Map<String, Double> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, Double.NaN));
        return out;
    }
}

package lab.like.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One workload of the Kafka path: events of one new experiment produced straight to {@code usage-events} (key =
 * experimentId, as experiment-service writes them), timed until the results API shows every one counted,
 * optionally with a JFR recording of metrics-service meanwhile. "journeys": each subject's five events one after the other;
 * "interleaved": the same kind of events over the same number of subjects, shuffled into random order.
 */
final class KafkaPathWorkload {

    private static final String[] VARIANTS = {"control", "shorter", "guided"};

    /**
     * Rates in events/s: until all counted, and after the producer finished; the profile (null if none) and the
     * rate of the run it was recorded in (NaN if none).
     */
    record Outcome(
            String name,
            int events,
            int subjects,
            double perSecond,
            double afterProducing,
            double produceSeconds,
            long counted,
            Profile profile,
            double profiledPerSecond) {

        /** This run's figures with the profile of another run of the same workload. */
        Outcome withProfileOf(Outcome profiled) {
            return new Outcome(
                    name,
                    events,
                    subjects,
                    perSecond,
                    afterProducing,
                    produceSeconds,
                    counted,
                    profiled.profile(),
                    profiled.perSecond());
        }
    }

    private KafkaPathWorkload() {}

    static Outcome run(
            BenchTarget target, String name, int events, int subjects, boolean interleaved, long metricsPid, Path jfr)
            throws Exception {
        String experiment = target.createRunningExperiment("benchmark report " + name, VARIANTS);
        awaitKnown(target, experiment);
        List<byte[]> values =
                new ArrayList<>(AggregationBenchmark.events(experiment, events, subjects, new Random(42)));
        if (interleaved) Collections.shuffle(values, new Random(7));
        byte[] key = experiment.getBytes(StandardCharsets.UTF_8);
        if (jfr != null) Profile.start(metricsPid, name, jfr);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(RawKafkaCeiling.producerProperties(target.kafkaBootstrap()))) {
            for (byte[] value : values) producer.send(new ProducerRecord<>("usage-events", key, value));
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        long producedAt = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long countedWhenProduced = counted(target, experiment);
        while (countedWhenProduced < 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            countedWhenProduced = counted(target, experiment);
        }
        long counted = countedWhenProduced;
        while (counted < events && System.nanoTime() < deadline) {
            Thread.sleep(50);
            counted = Math.max(counted, counted(target, experiment));
        }
        long end = System.nanoTime();
        Profile profile = null;
        if (jfr != null) {
            Profile.stop(metricsPid, name);
            profile = Profile.read(jfr);
        }
        double after = (counted - countedWhenProduced) / Math.max(1e-9, (end - producedAt) / 1e9);
        return new Outcome(
                name,
                events,
                subjects,
                counted / ((end - start) / 1e9),
                after,
                produceSeconds,
                counted,
                profile,
                profile == null ? Double.NaN : counted / ((end - start) / 1e9));
    }

    /** Warm-up events on their own experiment (journeys), so that the measured runs see compiled code. */
    static double warmUp(BenchTarget target, int events) throws Exception {
        return run(target, "warm-up", events, Math.max(1, events / 5), false, 0, null)
                .perSecond();
    }

    private static void awaitKnown(BenchTarget target, String experiment) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                target.get("/api/v1/experiments/" + experiment + "/results");
                return;
            } catch (IllegalStateException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("metrics-service never learned experiment " + experiment);
    }

    /** eventsCounted, or -1 when the read failed (a 504 while the machine is overloaded): the caller asks again. */
    private static long counted(BenchTarget target, String experiment) throws Exception {
        try {
            JsonNode results = target.get("/api/v1/experiments/" + experiment + "/results");
            return results.path("eventsCounted").asLong();
        } catch (IllegalStateException | java.io.IOException failed) {
            return -1;
        }
    }
}

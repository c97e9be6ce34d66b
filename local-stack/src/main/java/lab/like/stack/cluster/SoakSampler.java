package lab.like.stack.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Takes a {@link SoakSample} every interval, and a heap-after-GC reading every {@code gcEvery}. */
final class SoakSampler {

    private final ServiceProbe probe;
    private final KafkaWatch watch;
    private final EventSender sender;
    private final Window reads;
    private final ResultsStreams streams;
    private final LongSupplier counted;
    private final Duration interval;
    private final Duration gcEvery;

    SoakSampler(
            ServiceProbe probe,
            KafkaWatch watch,
            EventSender sender,
            Window reads,
            ResultsStreams streams,
            LongSupplier counted,
            Duration interval,
            Duration gcEvery) {
        this.probe = probe;
        this.watch = watch;
        this.sender = sender;
        this.reads = reads;
        this.streams = streams;
        this.counted = counted;
        this.interval = interval;
        this.gcEvery = gcEvery;
    }

    List<SoakSample> sampleUntil(BooleanSupplier done, Timeline timeline) throws InterruptedException {
        List<SoakSample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long lastAt = start;
        long lastCounted = Math.max(0, counted.getAsLong());
        long lastErrors = 0;
        long nextGc = start + gcEvery.toNanos();
        sender.window().drain();
        reads.drain();
        long tick = start;
        while (!done.getAsBoolean()) {
            // one sample per interval however long the sampling itself takes (it scrapes three services)
            // a sampler that fell behind (an overloaded machine) skips ticks instead of taking a burst of
            // samples over a few milliseconds each, whose rates would be noise
            tick = Math.max(tick + interval.toNanos(), System.nanoTime());
            long wait = tick - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000);
            long now = System.nanoTime();
            double seconds = (now - lastAt) / 1e9;
            Window.Sample ingest = sender.window().drain();
            Window.Sample read = reads.drain();
            long countedNow = counted.getAsLong();
            long lag;
            try {
                lag = watch.lag(KafkaWatch.STREAMS_GROUP);
            } catch (Exception e) {
                lag = -1;
            }
            Map<String, Double> afterGc = SoakRun.nanMap(probe.names());
            if (now >= nextGc) {
                afterGc = probe.heapAfterGcMb();
                nextGc += gcEvery.toNanos();
            }
            long errors =
                    sender.window().totalFailures() + sender.rejections() + reads.totalFailures() + streams.errors();
            SoakSample sample = new SoakSample(
                    (now - start) / 1e9,
                    ingest.units() / seconds,
                    countedNow < 0 ? Double.NaN : (countedNow - lastCounted) / seconds,
                    lag,
                    probe.aggregationLagSeconds(),
                    ingest.p50Ms(),
                    ingest.p99Ms(),
                    read.p50Ms(),
                    read.p99Ms(),
                    read.requests(),
                    errors - lastErrors,
                    streams.documents(),
                    probe.heapMb(),
                    afterGc,
                    probe.threads());
            samples.add(sample);
            if (samples.size() % Math.max(1, (int) (30_000 / interval.toMillis())) == 0) {
                timeline.note(String.format(
                        "%,.0f events/s accepted, %,.0f counted/s, lag %,d records, ingest p99 %.0f ms, read p99 %.0f ms, errors %d, heap %s",
                        sample.acceptedPerSecond(),
                        sample.countedPerSecond(),
                        lag,
                        sample.ingestP99Ms(),
                        sample.readP99Ms(),
                        errors,
                        sample.heapMb()));
            }
            if (countedNow >= 0) lastCounted = countedNow;
            lastErrors = errors;
            lastAt = now;
        }
        return samples;
    }
}

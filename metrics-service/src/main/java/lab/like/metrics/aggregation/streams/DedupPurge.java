package lab.like.metrics.aggregation.streams;

import java.time.Duration;
import lab.like.metrics.config.MetricsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dedup purge of one task: a pass every purge-interval, walked one slice a second between stream records. */
final class DedupPurge {

    /** How often {@link #slice} is scheduled (wall-clock time). */
    static final Duration SLICE_EVERY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DedupPurge.class);

    private final EventCounter counter;
    private final MetricsProperties properties;
    private final AggregationMeters meters;
    private final String task;
    private long purgeDueAt; // set at the first punctuation, whose time is the wall clock's
    private long passStartedAt;
    private long passExamined;
    private long passRemoved;
    private int passSlices;
    private long passNanos;

    DedupPurge(EventCounter counter, MetricsProperties properties, AggregationMeters meters, String task) {
        this.counter = counter;
        this.properties = properties;
        this.meters = meters;
        this.task = task;
    }

    /**
     * Starts a purge pass when one is due and runs its next slice: at most purge-slice-keys event ids are
     * examined per second, so even a store of tens of millions of ids never holds the stream thread for long.
     */
    void slice(long now) {
        if (!counter.purging()) {
            if (purgeDueAt == 0) purgeDueAt = now + properties.purgeInterval().toMillis();
            if (now < purgeDueAt) return;
            purgeDueAt = now + properties.purgeInterval().toMillis();
            passStartedAt = now;
            passExamined = 0;
            passRemoved = 0;
            passSlices = 0;
            passNanos = 0;
        }
        long started = System.nanoTime();
        var slice = counter.purgeSlice(now, properties.dedupRetention(), properties.purgeSliceKeys());
        passNanos += System.nanoTime() - started;
        passExamined += slice.examined();
        passRemoved += slice.removed();
        passSlices++;
        meters.purged(slice.removed());
        if (slice.passComplete()) {
            log.info(
                    "dedup purge of task {}: {} event ids examined, {} older than {} removed, in {} slices"
                            + " ({} ms of work) over {} s",
                    task,
                    passExamined,
                    passRemoved,
                    properties.dedupRetention(),
                    passSlices,
                    passNanos / 1_000_000,
                    (now - passStartedAt) / 1000);
        }
    }
}

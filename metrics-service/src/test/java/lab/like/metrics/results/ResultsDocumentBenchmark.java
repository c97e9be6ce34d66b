package lab.like.metrics.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.like.metrics.aggregation.Counts;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.aggregation.ExperimentStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one full results document from aggregates, 10 variants (9 treatments), all four KPIs (the primary and
 * three guardrails, adoption included) and 30 days of daily rows. Not part of the test run (README: command).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResultsDocumentBenchmark {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    ExperimentDefinition experiment;
    List<VariantCounts> totals;
    List<VariantCounts> daily;

    @Setup
    public void setUp() {
        List<ExperimentDefinition.Variant> variants = new ArrayList<>();
        totals = new ArrayList<>();
        daily = new ArrayList<>();
        for (int v = 0; v < 10; v++) {
            String key = v == 0 ? "control" : "t" + v;
            variants.add(new ExperimentDefinition.Variant(key, 10));
            long starters = 5_000 + 37L * v;
            long completers = 3_000 + 40L * v;
            totals.add(counts(key, null, starters, completers));
            for (int d = 0; d < 30; d++) {
                String day = LocalDate.of(2026, 10, 29).plusDays(d).toString();
                daily.add(counts(key, day, starters / 30, completers / 30));
            }
        }
        experiment = new ExperimentDefinition(
                "bench",
                "demo",
                ExperimentStatus.RUNNING,
                variants,
                "control",
                "completion_rate",
                List.of("satisfaction", "digital_take_up", "adoption_rate"),
                2_000_000L,
                1_000L,
                "",
                7,
                true);
    }

    private static VariantCounts counts(String variant, String day, long starters, long completers) {
        long feedback = starters / 6;
        return new VariantCounts(
                variant,
                day,
                starters * 4,
                new Counts(
                        starters + starters / 10,
                        starters,
                        completers,
                        starters - completers,
                        completers + completers / 20,
                        completers - completers / 15,
                        feedback,
                        feedback * 3 / 4,
                        feedback * 4),
                180_000L,
                420_000L,
                NOW);
    }

    @Benchmark
    public Results fullDocument() {
        return ResultsCalculator.calculate(experiment, totals, daily, NOW);
    }
}

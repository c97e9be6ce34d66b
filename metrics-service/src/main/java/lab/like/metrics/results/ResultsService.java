package lab.like.metrics.results;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.results.store.ResultsRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Results and daily counts of one experiment, visible only to its organisation (or {@code *}). */
@Service
public class ResultsService {

    public static final String ALL_ORGANISATIONS = "*";

    private final ResultsRepository repository;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    ResultsService(ResultsRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    public Mono<Results> results(String experimentId, String organisation) {
        return timed("results", visible(experimentId, organisation).flatMap(e -> repository
                .totals(experimentId)
                .collectList()
                .map(t -> Results.of(e, t, clock.instant()))));
    }

    public Mono<DailyResults> daily(String experimentId, String organisation) {
        return timed("daily", visible(experimentId, organisation).flatMap(e -> repository
                .daily(experimentId)
                .collectList()
                .map(rows -> daily(e, rows))));
    }

    private DailyResults daily(ExperimentDefinition experiment, List<VariantCounts> rows) {
        Instant asOf = rows.stream()
                .map(VariantCounts::emittedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(clock.instant());
        return new DailyResults(
                experiment.id(), asOf, rows.stream().map(DailyResults.Row::of).toList());
    }

    private Mono<ExperimentDefinition> visible(String experimentId, String organisation) {
        return repository
                .experiment(experimentId)
                .filter(e -> ALL_ORGANISATIONS.equals(organisation)
                        || e.organisation().equals(organisation))
                .switchIfEmpty(Mono.error(ResultsNotFoundException::new));
    }

    private <T> Mono<T> timed(String view, Mono<T> work) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(registry);
            return work.doFinally(signal -> sample.stop(Timer.builder("likelab.metrics.results.latency")
                    .description("time to build a results document from aggregates")
                    .tag("view", view)
                    .register(registry)));
        });
    }
}

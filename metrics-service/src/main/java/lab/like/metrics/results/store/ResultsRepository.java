package lab.like.metrics.results.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.Date;
import lab.like.metrics.aggregation.ExperimentDefinition;
import lab.like.metrics.projection.AggregateDocuments;
import lab.like.metrics.projection.MetricsMongo;
import lab.like.metrics.results.VariantCounts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads experiment definitions and materialised totals; cost grows with variants and days, never events. */
@Component
public class ResultsRepository {

    private final MetricsMongo mongo;

    ResultsRepository(MetricsMongo mongo) {
        this.mongo = mongo;
    }

    public Mono<ExperimentDefinition> experiment(String id) {
        return Mono.from(mongo.experiments().find(Filters.eq("_id", id)).first())
                .map(AggregateDocuments::definition);
    }

    /** Whole-experiment totals (no {@code day}) and daily rows, in one query, days ascending. */
    public Flux<VariantCounts> aggregates(String experimentId) {
        return Flux.from(mongo.aggregates()
                        .find(Filters.eq("experimentId", experimentId))
                        .sort(Sorts.ascending("day", "variant")))
                .map(ResultsRepository::counts);
    }

    static VariantCounts counts(Document d) {
        Date emitted = d.getDate("emittedAt");
        return new VariantCounts(
                d.getString("variant"),
                d.getString("day"),
                AggregateDocuments.number(d, "version"),
                AggregateDocuments.counts(d),
                AggregateDocuments.optional(d, "medianDurationMs"),
                AggregateDocuments.optional(d, "p90DurationMs"),
                emitted == null ? null : emitted.toInstant());
    }
}

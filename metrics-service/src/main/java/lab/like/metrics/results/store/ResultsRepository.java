package lab.like.metrics.results.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import lab.like.metrics.aggregation.ExperimentDefinition;
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
                .map(ResultsRepository::definition);
    }

    /** Whole-experiment totals (no {@code day}) and daily rows, in one query, days ascending. */
    public Flux<VariantCounts> aggregates(String experimentId) {
        return Flux.from(mongo.aggregates()
                        .find(Filters.eq("experimentId", experimentId))
                        .sort(Sorts.ascending("day", "variant")))
                .map(ResultsRepository::counts);
    }

    private static VariantCounts counts(Document d) {
        Date emitted = d.getDate("emittedAt");
        return new VariantCounts(
                d.getString("variant"),
                d.getString("day"),
                number(d, "version"),
                number(d, "subjects"),
                number(d, "starters"),
                number(d, "completers"),
                number(d, "abandoners"),
                number(d, "completions"),
                number(d, "digitalCompletions"),
                number(d, "feedbackResponses"),
                number(d, "satisfiedResponses"),
                number(d, "scoreSum"),
                optional(d, "medianDurationMs"),
                optional(d, "p90DurationMs"),
                emitted == null ? null : emitted.toInstant());
    }

    private static ExperimentDefinition definition(Document d) {
        List<ExperimentDefinition.Variant> variants = new ArrayList<>();
        for (Document v : d.getList("variants", Document.class, List.of())) {
            variants.add(new ExperimentDefinition.Variant(v.getString("key"), ((Number) v.get("weight")).intValue()));
        }
        return new ExperimentDefinition(
                d.getString("_id"),
                d.getString("organisation"),
                d.getString("status"),
                List.copyOf(variants),
                d.getString("controlVariant"),
                d.getString("primaryKpi"),
                List.copyOf(d.getList("guardrailKpis", String.class, List.of())),
                optional(d, "eligiblePopulation"),
                optional(d, "minimumStarters"),
                "",
                number(d, "version"),
                !Boolean.FALSE.equals(d.get("sequentialTesting")));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static Long optional(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : null;
    }
}

package lab.like.metrics.portfolio.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import lab.like.metrics.results.Recommendation;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Since when each active pilot has recommended a decision (collection {@code pilot_recommendations}): written by
 * the periodic gauge refresh, so "waiting for a decision" can say for how long. A pilot whose recommendation is
 * no longer SCALE or STOP loses its entry; a new decisive outcome restarts the clock.
 */
@Component
public class RecommendationLog {

    private static final int DUPLICATE_KEY = 11000;

    /** A decisive recommendation first observed at {@code since}. */
    public record Observed(Recommendation.Action outcome, Instant since) {}

    private final MongoCollection<Document> log;

    RecommendationLog(MongoClient client, @Value("${spring.mongodb.database}") String database) {
        this.log = client.getDatabase(database).getCollection("pilot_recommendations");
    }

    /** Records {@code outcome} (null or not decisive: forgets the pilot) unless that outcome is already logged. */
    public Mono<Void> observe(String pilotId, Recommendation.Action outcome, Instant now) {
        if (outcome == null || !outcome.decisive()) {
            return Mono.from(log.deleteOne(Filters.eq("_id", pilotId))).then();
        }
        Document doc =
                new Document("_id", pilotId).append("outcome", outcome.name()).append("since", Date.from(now));
        return Mono.from(log.replaceOne(
                        Filters.and(Filters.eq("_id", pilotId), Filters.ne("outcome", outcome.name())),
                        doc,
                        new ReplaceOptions().upsert(true)))
                .then()
                // the same outcome is logged already: its first observation stays
                .onErrorResume(
                        e -> e instanceof MongoWriteException w && w.getCode() == DUPLICATE_KEY, e -> Mono.empty());
    }

    /** Drops the entries of pilots that are no longer active (completed or archived pilots wait for nothing). */
    public Mono<Void> forget(Collection<String> pilotIds) {
        if (pilotIds.isEmpty()) return Mono.empty();
        return Mono.from(log.deleteMany(Filters.in("_id", pilotIds))).then();
    }

    public Mono<Map<String, Observed>> observed(Collection<String> pilotIds) {
        if (pilotIds.isEmpty()) return Mono.just(Map.of());
        return Flux.from(log.find(Filters.in("_id", pilotIds)))
                .collectMap(
                        d -> d.getString("_id"),
                        d -> new Observed(
                                Recommendation.Action.valueOf(d.getString("outcome")),
                                d.getDate("since").toInstant()));
    }
}

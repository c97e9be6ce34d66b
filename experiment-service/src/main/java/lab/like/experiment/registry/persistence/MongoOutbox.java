package lab.like.experiment.registry.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.messaging.Outbox;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox marker ({@code pendingPublication}) of the experiment documents. */
@Component
class MongoOutbox implements Outbox {

    private final ReactiveMongoTemplate mongo;

    MongoOutbox(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<ExperimentId> pending(int limit) {
        Query query = Query.query(where(ExperimentDocument.PENDING).exists(true).ne(null))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, ExperimentDocument.COLLECTION)
                .map(doc -> new ExperimentId(doc.getString("_id")));
    }

    @Override
    public Mono<Long> countPending() {
        return mongo.count(
                Query.query(where(ExperimentDocument.PENDING).exists(true).ne(null)), ExperimentDocument.COLLECTION);
    }

    @Override
    public Mono<Experiment> findIfPending(ExperimentId id) {
        return mongo.findById(id.value(), ExperimentDocument.class)
                .filter(doc -> doc.pendingPublication() != null)
                .map(ExperimentDocument::toExperiment);
    }

    @Override
    public Mono<Experiment> findCurrent(ExperimentId id) {
        return mongo.findById(id.value(), ExperimentDocument.class).map(ExperimentDocument::toExperiment);
    }

    @Override
    public Mono<Boolean> markPublished(ExperimentId id, long version) {
        Query query = Query.query(
                where("_id").is(id.value()).and(ExperimentDocument.PENDING).is(version));
        return mongo.updateFirst(query, new Update().unset(ExperimentDocument.PENDING), ExperimentDocument.COLLECTION)
                .map(result -> result.getModifiedCount() > 0);
    }
}

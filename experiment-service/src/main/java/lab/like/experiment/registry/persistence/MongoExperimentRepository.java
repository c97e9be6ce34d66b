package lab.like.experiment.registry.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import lab.like.experiment.registry.ExperimentRepository;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.ExperimentId;
import lab.like.experiment.registry.domain.ListCursor;
import lab.like.experiment.registry.domain.Status;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Experiments in MongoDB with optimistic locking: every change is one conditional replace on the version
 * read, which also sets the outbox marker, so a change and its pending publication are atomic.
 */
@Repository
class MongoExperimentRepository implements ExperimentRepository {

    private final ReactiveMongoTemplate mongo;

    MongoExperimentRepository(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Experiment> insert(Experiment experiment) {
        return mongo.insert(ExperimentDocument.pending(experiment)).map(ExperimentDocument::toExperiment);
    }

    @Override
    public Mono<Experiment> findById(ExperimentId id) {
        return mongo.findById(id.value(), ExperimentDocument.class).map(ExperimentDocument::toExperiment);
    }

    @Override
    public Mono<Boolean> replace(Experiment next, long expectedVersion) {
        Query current =
                Query.query(where("_id").is(next.id().value()).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, ExperimentDocument.pending(next))
                .map(previous -> true)
                .defaultIfEmpty(false);
    }

    @Override
    public Flux<Experiment> list(String organisation, Status status, String service, ListCursor after, int limit) {
        Criteria criteria = new Criteria();
        if (organisation != null) {
            criteria = criteria.and("organisation").is(organisation);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (service != null) {
            criteria = criteria.and("spec.service").is(service);
        }
        if (after != null) {
            criteria = criteria.orOperator(
                    where("createdAt").lt(after.createdAt()),
                    where("createdAt")
                            .is(after.createdAt())
                            .and("_id")
                            .lt(after.id().value()));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit);
        return mongo.find(query, ExperimentDocument.class).map(ExperimentDocument::toExperiment);
    }

    @Override
    public Flux<ExperimentId> iterationsOf(ExperimentId id) {
        Query query = Query.query(where("spec.iterationOf").is(id.value()))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, ExperimentDocument.COLLECTION)
                .map(doc -> new ExperimentId(doc.getString("_id")));
    }
}

package lab.like.metrics.projection;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The two collections of database {@code likelab_metrics}: {@code aggregates} and {@code experiments}. */
@Component
public class MetricsMongo {

    private final MongoCollection<Document> aggregates;
    private final MongoCollection<Document> experiments;

    MetricsMongo(MongoClient client, @Value("${spring.mongodb.database}") String database) {
        var db = client.getDatabase(database);
        this.aggregates = db.getCollection("aggregates");
        this.experiments = db.getCollection("experiments");
    }

    public MongoCollection<Document> aggregates() {
        return aggregates;
    }

    public MongoCollection<Document> experiments() {
        return experiments;
    }

    Mono<Void> ensureIndexes() {
        return Mono.from(aggregates.createIndex(
                        Indexes.ascending("experimentId", "day"), new IndexOptions().name("experiment_day")))
                .then();
    }
}

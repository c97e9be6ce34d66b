package lab.like.metrics.operations;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** MongoDB health by {@code ping}, which every MongoDB-protocol server answers (mongo-java-server has no hello). */
@Component("mongoPing")
class MongoPingHealthIndicator implements ReactiveHealthIndicator {

    private final MongoClient client;

    MongoPingHealthIndicator(MongoClient client) {
        this.client = client;
    }

    @Override
    public Mono<Health> health() {
        return Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1)))
                .map(result -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build()));
    }
}

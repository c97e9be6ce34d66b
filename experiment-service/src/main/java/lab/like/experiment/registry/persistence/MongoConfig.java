package lab.like.experiment.registry.persistence;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Mono;

/**
 * MongoDB: indexes for the list and iteration queries, and a {@code ping}-based health indicator that also
 * works against mongo-java-server (Boot's own indicator needs the {@code hello} command, so it is disabled).
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    private final ReactiveMongoTemplate mongo;

    MongoConfig(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    Mono<Void> createIndexes() {
        var indexes = mongo.indexOps("experiments");
        return indexes.createIndex(new Index()
                        .on("organisation", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.DESC))
                .then(indexes.createIndex(new Index().on("spec.iterationOf", Sort.Direction.ASC)))
                .then(indexes.createIndex(
                        new Index().on("pendingPublication", Sort.Direction.ASC).sparse()))
                .then();
    }

    @Bean
    ReactiveHealthIndicator mongoPingHealthIndicator() {
        return () -> mongo.executeCommand(new Document("ping", 1))
                .map(result -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build()));
    }
}

package lab.like.metrics.pilots.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.Collection;
import lab.like.metrics.pilots.Pilot;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code pilots} collection of {@code likelab_metrics}: one document per experiment, replaced only by a
 * higher {@code version} (the topic is at least once and may deliver an older record late).
 */
@Component
public class PilotStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> pilots;

    PilotStore(MongoClient client, @Value("${spring.mongodb.database}") String database) {
        this.pilots = client.getDatabase(database).getCollection("pilots");
    }

    public Mono<Void> save(Pilot pilot) {
        Document doc = PilotDocuments.document(pilot);
        return Mono.from(pilots.replaceOne(
                        Filters.and(
                                Filters.eq("_id", pilot.id()),
                                Filters.lt("version", pilot.version()),
                                // a forged record naming another organisation never moves a pilot to it
                                Filters.eq("organisation", pilot.organisation())),
                        doc,
                        new ReplaceOptions().upsert(true)))
                .then()
                // the stored version is as new or newer: the upsert's insert hit the existing id
                .onErrorResume(
                        e -> e instanceof MongoWriteException w && w.getCode() == DUPLICATE_KEY, e -> Mono.empty());
    }

    public Mono<Void> ensureIndexes() {
        return Mono.from(pilots.createIndex(Indexes.ascending("organisation"), new IndexOptions().name("organisation")))
                .then(Mono.from(pilots.createIndex(Indexes.ascending("service"), new IndexOptions().name("service"))))
                .then();
    }

    /** Every pilot of one organisation, or of the whole network when {@code organisation} is null. */
    public Flux<Pilot> ofOrganisation(String organisation) {
        Bson filter = organisation == null ? new Document() : Filters.eq("organisation", organisation);
        return Flux.from(pilots.find(filter)).map(PilotDocuments::pilot);
    }

    /**
     * The pilots of one service that an organisation may compare with: its own and those shared with the network
     * (every one when {@code organisation} is null). The database filters, so nothing else is ever read.
     */
    public Flux<Pilot> comparable(String service, String organisation) {
        Bson visible = organisation == null
                ? new Document()
                : Filters.or(Filters.eq("organisation", organisation), Filters.eq("sharedWithNetwork", true));
        return Flux.from(pilots.find(Filters.and(Filters.eq("service", service), visible)))
                .map(PilotDocuments::pilot);
    }

    /** Pilots by id (ids of pilots not stored are left out). */
    public Flux<Pilot> byIds(Collection<String> ids) {
        if (ids.isEmpty()) return Flux.empty();
        return Flux.from(pilots.find(Filters.in("_id", ids))).map(PilotDocuments::pilot);
    }
}

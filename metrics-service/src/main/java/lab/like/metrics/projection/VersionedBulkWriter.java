package lab.like.metrics.projection;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * Idempotent, versioned replacement of whole documents: a document is replaced only when the stored
 * {@code version} is lower. When it is not, the upsert tries to insert a second document with the same id and
 * fails with duplicate key (11000), which means "already as new or newer" (or, for a document with an
 * {@code organisation}, "owned by another organisation") and is not an error.
 */
final class VersionedBulkWriter {

    private static final int DUPLICATE_KEY = 11000;

    private VersionedBulkWriter() {}

    /** {@code documents} maps id to the newest document (with a {@code version}); null means delete. */
    static Mono<Void> write(MongoCollection<Document> collection, Map<String, Document> documents) {
        if (documents.isEmpty()) return Mono.empty();
        List<WriteModel<Document>> models = new ArrayList<>(documents.size());
        documents.forEach((id, doc) -> {
            if (doc == null) {
                models.add(new DeleteOneModel<>(Filters.eq("_id", id)));
            } else {
                models.add(new ReplaceOneModel<>(
                        newerVersionOfTheSameOwner(id, doc), doc, new ReplaceOptions().upsert(true)));
            }
        });
        return Mono.from(collection.bulkWrite(models, new BulkWriteOptions().ordered(false)))
                .then()
                .onErrorResume(VersionedBulkWriter::onlyStaleVersions, e -> Mono.empty());
    }

    /**
     * A document that names an {@code organisation} replaces only one of the same organisation: a forged
     * {@code experiments} record cannot move an experiment to another tenant (it fails as a duplicate key, like a
     * stale version; the aggregation counts such refusals in {@code likelab.metrics.experiments.refused}).
     */
    private static Bson newerVersionOfTheSameOwner(String id, Document doc) {
        Bson newer = Filters.and(Filters.eq("_id", id), Filters.lt("version", doc.get("version")));
        Object organisation = doc.get("organisation");
        return organisation == null ? newer : Filters.and(newer, Filters.eq("organisation", organisation));
    }

    private static boolean onlyStaleVersions(Throwable error) {
        return error instanceof MongoBulkWriteException bulk
                && bulk.getWriteConcernError() == null
                && bulk.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
    }
}

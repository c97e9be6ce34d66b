package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write the embedded MongoDB server acknowledged survives the server's process being killed (SIGKILL). */
class MongoKillTest {

    @TempDir
    Path data;

    @Test
    void whenTheServerProcessIsKilledRightAfterAcknowledgedWritesThenNoneIsLost() throws Exception {
        int port = Ports.free(1).get(0);
        Path dir = data.resolve("mongo");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoProbeServer.class.getName(),
                        dir.toString(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // wait for the server to listen
            }
            List<String> written = new ArrayList<>();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                for (int i = 0; i < 50; i++) {
                    collection(client).insertOne(new Document("_id", "exp-" + i).append("version", 1));
                    written.add("exp-" + i);
                }
                collection(client)
                        .updateOne(new Document("_id", "exp-0"), new Document("$set", new Document("version", 2)));
            }
            // no pause: plain H2Backend commits on a one-second timer, so these writes would still be in memory
            server.destroyForcibly().waitFor();

            try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(dir, port);
                    MongoClient client = MongoClients.create(mongo.connectionString())) {
                List<Document> stored = collection(client).find().into(new ArrayList<>());
                assertThat(stored).extracting(d -> d.getString("_id")).containsExactlyInAnyOrderElementsOf(written);
                assertThat(collection(client)
                                .find(new Document("_id", "exp-0"))
                                .first()
                                .getInteger("version"))
                        .isEqualTo(2);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("likelab_experiments").getCollection("experiments");
    }
}

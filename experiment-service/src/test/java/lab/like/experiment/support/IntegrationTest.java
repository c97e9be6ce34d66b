package lab.like.experiment.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running service on a random port against real parts: an embedded Kafka broker (KRaft) and the real
 * reactive MongoDB driver talking to an in-memory mongo-java-server. One shared context for all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a generous response timeout: the suite shares two cores with other builds, and a slow answer is not a wrong one
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    // one worker thread: mongo-java-server encodes stored documents in place, and a concurrent update on another
    // worker thread made that encoding fail (ConcurrentModificationException, connection dropped)
    private static final InetSocketAddress MONGO_ADDRESS = bindOneWorker(MONGO);

    private static InetSocketAddress bindOneWorker(MongoServer server) {
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        return server.getLocalAddress();
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @LocalManagementPort
    protected int managementPort;

    /** The management port (health probes, prometheus), separate from the API's port. */
    protected WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .build();
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort());
    }

    protected Api as(String organisation, String roles) {
        return new Api(web, organisation, roles);
    }

    protected Api as(String name, String organisation, String roles) {
        return new Api(web, name, organisation, roles);
    }

    protected Api team() {
        return as("demo", "TEAM");
    }

    protected Api otherTeam() {
        return as("other", "TEAM");
    }

    protected Api admin() {
        return as("*", "ADMIN");
    }
}

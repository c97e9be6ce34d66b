package lab.like.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server speaking the MongoDB wire protocol on a TCP port: H2 file backend (data kept across
 * restarts) or memory backend.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;
    private final Path dir;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, int port, Path dir) {
        this.server = server;
        this.backend = backend;
        this.port = port;
        this.dir = dir;
    }

    /** Persistent: an H2 MVStore file in the given directory. */
    public static EmbeddedMongo startPersistent(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        return start(
                new CommittingH2Backend(
                        dir.resolve("likelab.mv").toAbsolutePath().toString()),
                port,
                dir);
    }

    public static EmbeddedMongo startInMemory(int port) {
        return start(new MemoryBackend(), port, null);
    }

    /**
     * Closes this server (its H2 file committed and closed) and starts a new one on the same file and port: every
     * acknowledged write is kept. An in-memory server cannot be restarted (it would come back empty).
     */
    public EmbeddedMongo restart() throws IOException {
        if (dir == null) {
            throw new IllegalStateException("an in-memory MongoDB-protocol server keeps nothing across a restart");
        }
        close();
        return startPersistent(dir, port);
    }

    private static EmbeddedMongo start(MongoBackend backend, int port, Path dir) {
        MongoServer server = new MongoServer(backend);
        // one worker thread: mongo-java-server encodes stored documents in place, and a concurrent update on another
        // worker thread can make that encoding fail (ConcurrentModificationException, connection dropped)
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
        return new EmbeddedMongo(server, backend, port, dir);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops listening and closes the backend, which writes and closes the H2 file. */
    @Override
    public void close() {
        server.stopListening();
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
        server.shutdownNow();
        if (backend instanceof H2Backend h2 && !h2.getMvStore().isClosed()) {
            h2.close();
        }
    }
}

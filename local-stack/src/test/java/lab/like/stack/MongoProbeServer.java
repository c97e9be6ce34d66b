package lab.like.stack;

import java.nio.file.Path;

/** Runs the persistent embedded MongoDB server alone in a JVM, so a test can kill that JVM with SIGKILL. */
public final class MongoProbeServer {

    private MongoProbeServer() {}

    public static void main(String[] args) throws Exception {
        EmbeddedMongo.startPersistent(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}

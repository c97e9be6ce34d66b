package lab.like.stack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;

/**
 * The H2 backend, committing its MVStore after every write command before the answer goes out. Plain
 * {@link H2Backend} commits on a one-second timer, so a launcher killed with SIGKILL lost the writes of its last
 * second although the services had been told they were stored; after this commit the data is in the file (the
 * OS page cache keeps it when the process dies).
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "createindexes",
            "dropindexes",
            "create",
            "drop",
            "dropdatabase",
            "renamecollection");

    CommittingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return result;
    }
}

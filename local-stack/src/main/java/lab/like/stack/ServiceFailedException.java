package lab.like.stack;

import java.util.List;

/** A service that died or never became ready; carries the end of its log for the user. */
public final class ServiceFailedException extends RuntimeException {

    private final transient List<String> lastLogLines;

    ServiceFailedException(ServiceProcess service, String problem) {
        super(service.name() + " " + problem + " (log: " + service.spec().logFile() + ")");
        this.lastLogLines = service.lastLogLines(40);
    }

    public List<String> lastLogLines() {
        return lastLogLines;
    }
}

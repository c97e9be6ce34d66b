package lab.like.metrics.it;

import java.util.ArrayList;
import java.util.List;

/** Command-line arguments that point one instance of the service at the test's broker and MongoDB. */
record AppArgs(String brokers, String mongoUri, String stateDir, String applicationId, int port) {

    List<String> toList() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        // no management server: these instances need no actuator, and closing one's management server stopped
        // the shared test context's management server in the same JVM (seen in the full suite)
        args.add("--management.server.port=-1");
        args.add("--spring.mongodb.uri=" + mongoUri);
        args.add("--likelab.metrics.bootstrap-servers=" + brokers);
        args.add("--likelab.metrics.state-dir=" + stateDir);
        args.add("--likelab.metrics.application-id=" + applicationId);
        args.add("--likelab.metrics.writer.group-id=" + applicationId + "-writer");
        args.add("--likelab.metrics.subject-secret=" + Scenario.SECRET);
        args.add("--likelab.metrics.early-event-grace=2s");
        args.add("--likelab.metrics.emit-interval=200ms");
        // a killed instance's group membership should expire quickly, so its successor takes over
        args.add("--likelab.metrics.streams-overrides[session.timeout.ms]=6000");
        args.add("--likelab.metrics.writer.consumer-overrides[session.timeout.ms]=6000");
        return args;
    }

    AppArgs withStateDir(String dir) {
        return new AppArgs(brokers, mongoUri, dir, applicationId, port);
    }
}

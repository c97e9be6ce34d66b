package lab.like.stack.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * One node of {@link KafkaCluster}, run as its own JVM: a KRaft node that is broker and controller, one of
 * three voters, with replication 3 and {@code min.insync.replicas} 2 for every topic, the offsets and the
 * transaction log. Arguments: node id, broker port, controller port, the quorum voters, the log directory,
 * the cluster id.
 */
public final class BrokerNode {

    private BrokerNode() {}

    public static void main(String[] args) throws Exception {
        int nodeId = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        String voters = args[3];
        Path logDir = Path.of(args[4]);
        String clusterId = args[5];
        Files.createDirectories(logDir);
        Properties props = properties(nodeId, port, controllerPort, voters, logDir);
        Path propsFile = logDir.getParent().resolve("broker-" + nodeId + ".properties");
        try (Writer writer = Files.newBufferedWriter(propsFile)) {
            props.store(writer, "broker " + nodeId + " of the LIKE Lab cluster run");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(propsFile, clusterId);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }));
        server.startup();
        System.out.println("broker " + nodeId + " started on 127.0.0.1:" + port);
        server.awaitShutdown();
    }

    static Properties properties(int nodeId, int port, int controllerPort, String voters, Path logDir) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "3"),
                Map.entry("min.insync.replicas", "2"),
                Map.entry("offsets.topic.replication.factor", "3"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "3"),
                Map.entry("transaction.state.log.min.isr", "2"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "3"),
                Map.entry("share.coordinator.state.topic.min.isr", "2"),
                Map.entry("unclean.leader.election.enable", "false"),
                // a killed node is fenced, and its partitions get new leaders, after 4 s instead of 9 s
                Map.entry("broker.session.timeout.ms", "4000"),
                Map.entry("broker.heartbeat.interval.ms", "1000"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.retention.hours", "744"),
                Map.entry("auto.create.topics.enable", "true")));
        return p;
    }

    private static void format(Path propsFile, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"}, print);
        }
        if (code != 0) {
            throw new IllegalStateException(
                    "Formatting Kafka storage failed (" + code + "): " + out.toString(StandardCharsets.UTF_8));
        }
    }
}

package lab.like.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab.like.stack.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Three Apache Kafka nodes (KRaft, each broker and controller) as separate JVMs on loopback ports, the way
 * {@code lab.like.stack.EmbeddedKafka} runs one inside the launcher. A node can be killed (SIGKILL) and started
 * again on its own log directory.
 */
public final class KafkaCluster implements AutoCloseable {

    private final Path dir;
    private final List<Integer> ports;
    private final List<Integer> controllerPorts;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<String> javaOptions;
    private final Process[] nodes;
    private final String classPath;

    private KafkaCluster(Path dir, int size, List<String> javaOptions) throws IOException {
        this.dir = dir;
        this.classPath = JavaCommand.stableClassPath(dir);
        List<Integer> free = Ports.free(2 * size);
        this.ports = free.subList(0, size);
        this.controllerPorts = free.subList(size, 2 * size);
        this.javaOptions = javaOptions;
        this.nodes = new Process[size];
    }

    /** Starts {@code size} nodes (node ids 1..size) and waits until all are in the cluster's metadata. */
    public static KafkaCluster start(Path dir, int size, List<String> javaOptions, Duration timeout)
            throws IOException, InterruptedException {
        KafkaCluster cluster = new KafkaCluster(dir, size, javaOptions);
        try {
            for (int id = 1; id <= size; id++) {
                cluster.startNode(id);
            }
            cluster.awaitNodes(size, timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startNode(int id) throws IOException {
        String voters = IntStream.range(0, ports.size())
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        List<String> args = List.of(
                String.valueOf(id),
                String.valueOf(ports.get(id - 1)),
                String.valueOf(controllerPorts.get(id - 1)),
                voters,
                dir.resolve("broker-" + id).toAbsolutePath().toString(),
                clusterId);
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("broker-" + id + ".log");
        nodes[id - 1] = new ProcessBuilder(JavaCommand.of(BrokerNode.class, classPath, javaOptions, args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Waits until the metadata lists {@code count} live brokers. */
    public void awaitNodes(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.length; i++) {
                if (nodes[i] != null && !nodes[i].isAlive() && count > liveCount()) {
                    throw new IllegalStateException("Kafka node " + (i + 1) + " exited with code "
                            + nodes[i].exitValue() + "; see " + dir.resolve("logs"));
                }
            }
            try (Admin admin = admin()) {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "the Kafka cluster did not reach " + count + " brokers within " + timeout.toSeconds() + " s", last);
    }

    private int liveCount() {
        int live = 0;
        for (Process node : nodes) {
            if (node != null && node.isAlive()) live++;
        }
        return live;
    }

    /** Creates topics (partitions, replication 3, cleanup policy) unless they exist. */
    public void createTopics(Map<String, Integer> partitions, List<String> compacted) throws Exception {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            partitions.forEach((name, count) -> {
                NewTopic topic = new NewTopic(name, Optional.of(count), Optional.of((short) nodes.length));
                if (compacted.contains(name)) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                topics.add(topic);
            });
            for (var future : admin.createTopics(topics).values().values()) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Every node's address: clients keep working while one of them is down. */
    public String bootstrapServers() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.length;
    }

    public long pid(int id) {
        return nodes[id - 1].pid();
    }

    public boolean isAlive(int id) {
        return nodes[id - 1] != null && nodes[id - 1].isAlive();
    }

    /** SIGKILL of one node, as a crashed machine. */
    public void kill(int id) throws InterruptedException {
        nodes[id - 1].destroyForcibly();
        nodes[id - 1].waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts a killed node again on its own log directory. */
    public void restart(int id, Duration timeout) throws IOException, InterruptedException {
        startNode(id);
        awaitNodes(liveCount(), timeout);
    }

    /** SIGTERM to every node (a clean shutdown), then SIGKILL after 30 s. */
    @Override
    public void close() {
        for (Process node : nodes) {
            if (node != null) node.destroy();
        }
        for (Process node : nodes) {
            if (node == null) continue;
            try {
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                    node.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

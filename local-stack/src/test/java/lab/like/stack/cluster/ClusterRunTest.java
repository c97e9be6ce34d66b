package lab.like.stack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short cluster run: three Kafka nodes, two metrics-service instances, 12,000 events over 4 experiments, one
 * broker and one instance killed mid-stream, every count exact. Opt-in ({@code -Dlikelab.cluster-run=true} or
 * {@code LIKELAB_CLUSTER_RUN=true}): it starts seven JVMs and took 12-13 minutes on this shared 2-core machine
 * at load average 40-90; it needs the packaged service jars.
 */
class ClusterRunTest {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();

    @Test
    void whenABrokerAndAMetricsInstanceAreKilledMidStreamThenEveryCountStaysExact() throws Exception {
        assumeTrue(
                Boolean.getBoolean("likelab.cluster-run") || "true".equals(System.getenv("LIKELAB_CLUSTER_RUN")),
                "the cluster run is opt-in: -Dlikelab.cluster-run=true or LIKELAB_CLUSTER_RUN=true");
        for (String module : new String[] {"experiment-service", "metrics-service", "gateway"}) {
            Path jar = HOME.resolve(module).resolve("target").resolve(module + ".jar");
            assumeTrue(Files.isRegularFile(jar), () -> jar + " is missing: package the services first");
        }
        Path dir = Path.of("target", "cluster-run", Long.toString(System.currentTimeMillis()))
                .toAbsolutePath();
        RunOptions options = new RunOptions(new String[] {
            "--home", HOME.toString(), "--dir", dir.toString(), "--events", "12000", "--experiments", "4"
        });

        ClusterRunResult result = ClusterRun.run(options, line -> System.out.println("[cluster-run] " + line));
        System.out.println(result.table());

        assertThat(result.brokerKilled()).isPositive();
        assertThat(result.metricsKilled()).startsWith("metrics-service-");
        assertThat(result.finalAssignment()).doesNotContain(result.metricsKilled());
        assertThat(result.rejectedEvents()).isZero();
        assertThat(result.outcome().unreadable()).isEmpty();
        assertThat(result.outcome().rows())
                .allSatisfy(row -> assertThat(row.actual()).containsExactly(row.expected()));
        assertThat(result.outcome().countedEvents()).isEqualTo(result.outcome().expectedEvents());
    }
}

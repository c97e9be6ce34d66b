package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lab.like.metrics.config.KafkaSecurity;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The topics on a real broker: organisation topics created like the internal one, unequal counts refused. */
@EmbeddedKafka(partitions = 1)
class TopicProvisionerTest {

    static MetricsProperties properties(String brokers, String internal, List<String> organisations) {
        return new MetricsProperties(
                brokers,
                "secret",
                "unused",
                "provisioner-test",
                Duration.ofMillis(300),
                Duration.ofMillis(100),
                Duration.ofDays(31),
                Duration.ofHours(1),
                50_000,
                Duration.ofSeconds(30),
                -1,
                1,
                1_000_000,
                new MetricsProperties.Topics(
                        internal,
                        "experiments",
                        internal + ".dlt",
                        "kpi-aggregates",
                        3,
                        AggregationTopologyTest.PATTERN.replace("usage-events", internal),
                        organisations),
                new MetricsProperties.Writer("w", Duration.ofMillis(500), 100, Duration.ofSeconds(5), Map.of()),
                Map.of(),
                new KafkaSecurity("PLAINTEXT", "SCRAM-SHA-512", ""));
    }

    static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @Test
    void whenStartedThenEveryOrganisationTopicHasTheInternalTopicsPartitions(EmbeddedKafkaBroker broker)
            throws Exception {
        new TopicProvisioner(properties(broker.getBrokersAsString(), "ue1", List.of("demo", "other")))
                .afterPropertiesSet();
        try (Admin admin = admin(broker)) {
            var topics = admin.describeTopics(Set.of("ue1", "ue1.demo", "ue1.other", "ue1.dlt"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics.values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
    }

    @Test
    void whenAnOrganisationTopicExistsWithAnotherPartitionCountThenTheStartFails(EmbeddedKafkaBroker broker)
            throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("ue2.demo", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        var provisioner = new TopicProvisioner(properties(broker.getBrokersAsString(), "ue2", List.of("demo")));
        assertThatThrownBy(provisioner::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ue2.demo has 1 partitions, ue2 has 3: all usage-event topics need the same count");
    }
}

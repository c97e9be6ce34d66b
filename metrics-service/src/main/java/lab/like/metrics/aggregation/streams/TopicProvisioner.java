package lab.like.metrics.aggregation.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the topics this service reads and writes when they are missing (CONTRACTS.md settings), including
 * {@code usage-events.<organisation>} for each of {@code likelab.metrics.topics.organisations}
 * ({@code LIKELAB_ORGANISATIONS}).
 */
@Component
final class TopicProvisioner implements InitializingBean {

    private final MetricsProperties properties;

    TopicProvisioner(MetricsProperties properties) {
        this.properties = properties;
    }

    /** Runs while the context is created, before either binder binds a topic. */
    @Override
    public void afterPropertiesSet() {
        var topics = properties.topics();
        Optional<Short> replication = properties.replicationFactor() > 0
                ? Optional.of((short) properties.replicationFactor())
                : Optional.empty();
        Optional<Integer> partitions = Optional.of(topics.partitions());
        String retention = String.valueOf(Duration.ofDays(31).toMillis());
        List<NewTopic> wanted = new ArrayList<>(List.of(
                new NewTopic(topics.usageEvents(), partitions, replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)),
                new NewTopic(topics.experiments(), Optional.of(1), replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(topics.deadLetter(), partitions, replication)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)),
                new NewTopic(topics.aggregates(), partitions, replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        // the same partition count as usage-events: one task counts an experiment from every topic (CONTRACTS.md)
        for (String organisation : topics.organisations()) {
            wanted.add(new NewTopic(topics.usage().topicOf(organisation), partitions, replication)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)));
        }
        Properties config = new Properties();
        config.putAll(properties.kafkaSecurity().clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            var result = admin.createTopics(wanted);
            for (var future : result.values().values()) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics", e.getCause());
                    }
                }
            }
            requireEqualPartitions(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the usage-event topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * The internal and the organisation topics must have one partition count: an experiment's events then reach
     * one task, and one dedup store, whichever topic carried them (CONTRACTS.md). A topic that existed before
     * with another count stops the start instead of splitting counts silently.
     */
    /**
     * A topic just created may not be in every broker's metadata yet (UnknownTopicOrPartition for a moment):
     * asked again for up to 10 s before the start fails.
     */
    private static Map<String, org.apache.kafka.clients.admin.TopicDescription> describe(
            Admin admin, List<String> names) throws ExecutionException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || attempt == 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void requireEqualPartitions(Admin admin) throws ExecutionException, InterruptedException {
        var topics = properties.topics();
        List<String> names = new ArrayList<>();
        names.add(topics.usageEvents());
        topics.organisations().forEach(o -> names.add(topics.usage().topicOf(o)));
        var described = describe(admin, names);
        int expected = described.get(topics.usageEvents()).partitions().size();
        for (String name : names) {
            int partitions = described.get(name).partitions().size();
            if (partitions != expected) {
                throw new IllegalStateException(name + " has " + partitions + " partitions, " + topics.usageEvents()
                        + " has " + expected + ": all usage-event topics need the same count");
            }
        }
    }
}

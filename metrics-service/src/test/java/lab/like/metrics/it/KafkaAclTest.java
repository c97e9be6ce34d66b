package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The producer ACLs of the root README's "Kafka ACLs" section on a real KRaft broker with a SASL/PLAIN listener
 * and the {@code StandardAuthorizer} (deny unless allowed): organisation a's principal may write
 * {@code usage-events.a} and nothing else, neither another organisation's topic nor the internal one.
 */
class KafkaAclTest {

    static final String ORGANISATION_A = JaasUtils.KAFKA_PLAIN_USER1; // organisation a's producer principal
    static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .build())
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(client(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD))) {
            admin.createTopics(List.of(
                            new NewTopic("usage-events", 3, (short) 1),
                            new NewTopic("usage-events.a", 3, (short) 1),
                            new NewTopic("usage-events.b", 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            admin.createAcls(producerAcls(ORGANISATION_A, "a")).all().get(30, TimeUnit.SECONDS);
            // the broker answers DescribeAcls from its authorizer: once it lists them, it applies them
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                            admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .hasSize(2));
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    /** What the README gives an organisation's producer: write and describe on its own topic, by literal name. */
    static List<AclBinding> producerAcls(String principal, String organisation) {
        // literal, not prefixed: a prefixed "usage-events.a" would also match usage-events.abc, another tenant
        var topic = new ResourcePattern(ResourceType.TOPIC, "usage-events." + organisation, PatternType.LITERAL);
        return List.of(AclOperation.WRITE, AclOperation.DESCRIBE).stream()
                .map(operation -> new AclBinding(
                        topic, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)))
                .toList();
    }

    static Properties client(String user, String password) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name);
        p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        p.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        return p;
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties p = client(ORGANISATION_A, JaasUtils.KAFKA_PLAIN_USER1_PASSWORD);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static void send(String topic) throws Exception {
        try (var producer = producer()) {
            var record = new ProducerRecord<>(topic, "exp-a", "{}".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void whenOrganisationsPrincipalWritesItsOwnTopicThenTheBrokerAcceptsIt() throws Exception {
        try (var producer = producer()) {
            var sent = producer.send(
                            new ProducerRecord<>("usage-events.a", "exp-a", "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo("usage-events.a");
            assertThat(sent.offset()).isNotNegative();
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void whenOrganisationsPrincipalWritesAnotherOrganisationsTopicThenTheBrokerRefuses() {
        assertThatThrownBy(() -> send("usage-events.b"))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining("usage-events.b");
    }

    @Test
    void whenOrganisationsPrincipalWritesTheInternalTopicThenTheBrokerRefuses() {
        assertThatThrownBy(() -> send("usage-events"))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining("usage-events");
    }

    @Test
    void whenTheAclsAreListedThenTheBrokerHoldsOnlyTheTwoLiteralGrantsOfOrganisationA() throws Exception {
        try (Admin admin = Admin.create(client(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD))) {
            var bindings = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
            assertThat(bindings).containsExactlyInAnyOrderElementsOf(producerAcls(ORGANISATION_A, "a"));
        }
    }
}

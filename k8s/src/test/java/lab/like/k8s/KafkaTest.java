package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KafkaTopics and KafkaUser ACLs against the topics, groups and ids the services' application.yml bind. */
class KafkaTest {

    static final ServiceConfig EXPERIMENT = ServiceConfig.of("experiment-service");
    static final ServiceConfig METRICS = ServiceConfig.of("metrics-service");

    static final String USAGE_EVENTS = EXPERIMENT.get("likelab.topics.usage-events");
    static final String EXPERIMENTS = EXPERIMENT.get("spring.cloud.stream.bindings.experiments-out-0.destination");
    static final String DEAD_LETTER = METRICS.get("likelab.metrics.topics.dead-letter");
    static final String AGGREGATES = METRICS.get("likelab.metrics.topics.aggregates");
    static final String APPLICATION_ID = METRICS.get("spring.cloud.stream.kafka.streams.binder.application-id");
    static final String WRITER_GROUP = METRICS.get("spring.cloud.stream.bindings.write-in-0.group");
    static final String PILOTS_GROUP = METRICS.get("spring.cloud.stream.bindings.pilots-in-0.group");
    static final List<String> WRITER_TOPICS = Arrays.asList(
            METRICS.get("spring.cloud.stream.bindings.write-in-0.destination").split(","));
    static final int PARTITIONS = Integer.parseInt(EXPERIMENT.get("likelab.topics.usage-events-partitions"));

    @Test
    void theServicesAgreeOnTopicNamesAndPartitions() {
        // the aggregation reads the internal topic and every organisation topic by pattern, never the DLT
        Pattern usage = Pattern.compile(METRICS.get("spring.cloud.stream.bindings.aggregate-in-0.destination"));
        assertThat(usage.matcher(USAGE_EVENTS).matches()).isTrue();
        assertThat(usage.matcher(USAGE_EVENTS + ".demo").matches()).isTrue();
        assertThat(usage.matcher(DEAD_LETTER).matches()).isFalse();
        assertThat(METRICS.get("likelab.metrics.topics.experiments")).isEqualTo(EXPERIMENTS);
        assertThat(WRITER_TOPICS).containsExactlyInAnyOrder(AGGREGATES, EXPERIMENTS);
        assertThat(Integer.parseInt(METRICS.get("likelab.metrics.topics.partitions")))
                .isEqualTo(PARTITIONS);
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everyTopicTheServicesUseIsAKafkaTopicWithTheirSettings(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Map<String, JsonNode> topics = topics(manifests);
        assertTopic(topics, USAGE_EVENTS, PARTITIONS, "delete");
        assertTopic(topics, EXPERIMENTS, 1, "compact");
        assertTopic(topics, DEAD_LETTER, PARTITIONS, "delete");
        assertTopic(topics, AGGREGATES, PARTITIONS, "compact");
        for (String org : organisations(manifests)) {
            assertTopic(topics, USAGE_EVENTS + "." + org, PARTITIONS, "delete");
        }
        int brokers = brokers(manifests);
        JsonNode kafkaConfig =
                manifests.get("Kafka", "likelab").path("spec").path("kafka").path("config");
        for (JsonNode topic : topics.values()) {
            int replicas = topic.path("spec").path("replicas").asInt();
            int minIsr = topic.path("spec")
                    .path("config")
                    .path("min.insync.replicas")
                    .asInt();
            assertThat(replicas).as(Manifests.name(topic)).isEqualTo(Math.min(3, brokers));
            assertThat(minIsr).as(Manifests.name(topic)).isEqualTo(replicas == 3 ? 2 : 1);
        }
        assertThat(kafkaConfig.path("default.replication.factor").asInt()).isEqualTo(Math.min(3, brokers));
        assertThat(kafkaConfig.path("auto.create.topics.enable").asBoolean(true))
                .isFalse();
        int metricsReplicas = manifests
                .workload("metrics-service")
                .path("spec")
                .path("replicas")
                .asInt();
        assertThat(metricsReplicas).as("metrics-service replicas <= partitions").isBetween(1, PARTITIONS);
    }

    @Test
    void prodRunsThreeBrokersAndThreeControllersWithReplicationThree() {
        Manifests prod = Overlays.rendered("prod");
        assertThat(brokers(prod)).isEqualTo(3);
        assertThat(nodes(prod, "controller")).isEqualTo(3);
        assertThat(topics(prod).values())
                .allSatisfy(
                        t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3));
        assertThat(prod.workload("metrics-service")
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isEqualTo(PARTITIONS);
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void experimentServiceWritesExactlyTheInternalTopics(String overlay) {
        KafkaAcls acls = KafkaAcls.of(Overlays.rendered(overlay).get("KafkaUser", "experiment-service"));
        assertThat(acls.allows("topic", USAGE_EVENTS, "Write")).isTrue();
        assertThat(acls.allows("topic", EXPERIMENTS, "Write")).isTrue();
        assertThat(acls.allows("topic", DEAD_LETTER, "Write")).isFalse();
        assertThat(acls.allows("topic", AGGREGATES, "Write")).isFalse();
        assertThat(acls.allows("topic", USAGE_EVENTS + ".demo", "Write")).isFalse();
        assertThat(acls.grantsAnywhere("Read")).isFalse();
        assertThat(acls.acls()).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void metricsServiceHasWhatItsBindingsAndKafkaStreamsNeed(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        KafkaAcls acls = KafkaAcls.of(manifests.get("KafkaUser", "metrics-service"));
        assertThat(acls.allows("topic", USAGE_EVENTS, "Read")).isTrue();
        organisations(manifests).forEach(org -> assertThat(acls.allows("topic", USAGE_EVENTS + "." + org, "Read"))
                .isTrue());
        assertThat(acls.allows("topic", USAGE_EVENTS + ".an-organisation-added-later", "Read"))
                .isTrue();
        WRITER_TOPICS.forEach(
                t -> assertThat(acls.allows("topic", t, "Read")).as(t).isTrue());
        for (String topic : List.of(DEAD_LETTER, AGGREGATES)) {
            assertThat(acls.allows("topic", topic, "Write")).as(topic).isTrue();
        }
        for (String topic : List.of(USAGE_EVENTS, EXPERIMENTS, DEAD_LETTER, AGGREGATES)) {
            assertThat(acls.allows("topic", topic, "Create"))
                    .as("TopicProvisioner creates " + topic)
                    .isTrue();
        }
        assertThat(acls.allows("topic", APPLICATION_ID + "-aggregates-changelog", "Write"))
                .isTrue();
        assertThat(acls.allows("topic", APPLICATION_ID + "-aggregates-changelog", "Create"))
                .isTrue();
        assertThat(acls.allows("group", APPLICATION_ID, "Read")).isTrue();
        assertThat(acls.allows("group", WRITER_GROUP, "Read")).isTrue();
        assertThat(acls.allows("group", PILOTS_GROUP, "Read")).isTrue();
        assertThat(acls.allows("transactionalId", APPLICATION_ID + "-0f1e2d3c-1", "Write"))
                .isTrue();
        // it never writes what experiment-service or the organisations own
        assertThat(acls.allows("topic", USAGE_EVENTS, "Write")).isFalse();
        assertThat(acls.allows("topic", EXPERIMENTS, "Write")).isFalse();
        assertThat(acls.allows("topic", USAGE_EVENTS + ".demo", "Write")).isFalse();
        assertThat(acls.allows("cluster", "kafka-cluster", "Alter")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void anOrganisationWritesOnlyItsOwnTopic(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        List<String> orgs = organisations(manifests);
        for (String org : orgs) {
            KafkaAcls acls = KafkaAcls.of(manifests.get("KafkaUser", "organisation-" + org));
            assertThat(acls.allows("topic", USAGE_EVENTS + "." + org, "Write")).isTrue();
            for (String other :
                    List.of(USAGE_EVENTS, EXPERIMENTS, DEAD_LETTER, AGGREGATES, USAGE_EVENTS + ".x" + org)) {
                assertThat(acls.allows("topic", other, "Write"))
                        .as(org + " writes " + other)
                        .isFalse();
            }
            orgs.stream().filter(o -> !o.equals(org)).forEach(o -> assertThat(
                            acls.allows("topic", USAGE_EVENTS + "." + o, "Write"))
                    .isFalse());
            assertThat(acls.grantsAnywhere("Read")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void onlyExperimentServiceWritesTheInternalTopicsAndEveryUserIsKnown(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            String name = Manifests.name(user);
            assertThat(name).matches("experiment-service|metrics-service|organisation-[a-z0-9-]+");
            KafkaAcls acls = KafkaAcls.of(user);
            boolean internalWriter = name.equals("experiment-service");
            assertThat(acls.allows("topic", USAGE_EVENTS, "Write")).as(name).isEqualTo(internalWriter);
            assertThat(acls.allows("topic", EXPERIMENTS, "Write")).as(name).isEqualTo(internalWriter);
            assertThat(user.path("spec").path("authentication").path("type").asText())
                    .isEqualTo("scram-sha-512");
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void theServicesConnectToTheScramListener(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode kafka = manifests.get("Kafka", "likelab");
        for (String service : List.of("experiment-service", "metrics-service")) {
            ContainerEnv env = ContainerEnv.of(manifests, Manifests.container(manifests.workload(service), service));
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap).startsWith(Manifests.name(kafka) + "-kafka-bootstrap:");
            int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
            JsonNode listener = Manifests.list(kafka.path("spec").path("kafka").path("listeners")).stream()
                    .filter(l -> l.path("port").asInt() == port)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no listener on port " + port));
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL"))
                    .isEqualTo(listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT");
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(env.get("KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        }
    }

    static Map<String, JsonNode> topics(Manifests manifests) {
        return manifests.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(
                        t -> t.path("spec").path("topicName").asText(Manifests.name(t)),
                        t -> t,
                        (a, b) -> a,
                        TreeMap::new));
    }

    static List<String> organisations(Manifests manifests) {
        return manifests.ofKind("KafkaUser").stream()
                .map(Manifests::name)
                .filter(n -> n.startsWith("organisation-"))
                .map(n -> n.substring("organisation-".length()))
                .toList();
    }

    private static void assertTopic(Map<String, JsonNode> topics, String name, int partitions, String cleanup) {
        assertThat(topics).as("KafkaTopic for " + name).containsKey(name);
        JsonNode spec = topics.get(name).path("spec");
        assertThat(spec.path("partitions").asInt()).as(name + " partitions").isEqualTo(partitions);
        assertThat(spec.path("config").path("cleanup.policy").asText())
                .as(name + " cleanup.policy")
                .isEqualTo(cleanup);
    }

    private static int brokers(Manifests manifests) {
        return nodes(manifests, "broker");
    }

    private static int nodes(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(p -> Manifests.list(p.path("spec").path("roles")).stream()
                        .anyMatch(r -> r.asText().equals(role)))
                .mapToInt(p -> p.path("spec").path("replicas").asInt())
                .sum();
    }
}

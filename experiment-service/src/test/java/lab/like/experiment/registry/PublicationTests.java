package lab.like.experiment.registry;

import static lab.like.experiment.support.Api.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.like.experiment.support.IntegrationTest;
import lab.like.experiment.support.TopicReader;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change reaches the compacted {@code experiments} topic, keyed by id, with salt and schemaVersion. */
class PublicationTests extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenAnExperimentChangesThenEachVersionIsPublishedInOrderWithTheFullDefinition() {
        String id = team().create();
        team().patch()
                .uri(PATH + "/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Second name"))
                .exchange()
                .expectStatus()
                .isOk();
        team().post().uri(PATH + "/" + id + "/start").exchange().expectStatus().isOk();
        try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), "experiments")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var records =
                        reader.poll().stream().filter(r -> id.equals(r.key())).toList();
                // the contract (CONTRACTS.md) is key and value only: no framework headers on the records
                records.forEach(r -> assertThat(r.headers().toArray()).isEmpty());
                List<JsonNode> mine =
                        records.stream().map(r -> json.readTree(r.value())).toList();
                assertThat(mine).isNotEmpty();
                List<Long> versions =
                        mine.stream().map(n -> n.get("version").longValue()).toList();
                assertThat(versions).isSorted();
                JsonNode latest = mine.get(mine.size() - 1);
                assertThat(latest.get("version").longValue()).isEqualTo(3);
                assertThat(latest.get("status").stringValue()).isEqualTo("RUNNING");
                assertThat(latest.get("name").stringValue()).isEqualTo("Second name");
                assertThat(latest.get("organisation").stringValue()).isEqualTo("demo");
                assertThat(latest.get("salt").stringValue()).hasSizeGreaterThanOrEqualTo(16);
                assertThat(latest.get("schemaVersion").intValue()).isEqualTo(1);
                assertThat(latest.get("variants").size()).isEqualTo(2);
                assertThat(latest.get("sequentialTesting").booleanValue()).isTrue();
                assertThat(latest.get("history").valueStream().map(e -> e.get("action")
                                .stringValue()))
                        .containsExactly("created", "updated", "started");
            });
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        meters.get("likelab.outbox.pending").gauge().value())
                .isZero());
    }

    @Test
    void whenTheServiceStartsThenTopicsExistWithTheContractSettings() throws Exception {
        try (AdminClient admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("experiments", "usage-events"))
                    .allTopicNames()
                    .get();
            assertThat(topics.get("experiments").partitions()).hasSize(1);
            assertThat(topics.get("usage-events").partitions()).hasSize(3);
            ConfigResource experiments = new ConfigResource(ConfigResource.Type.TOPIC, "experiments");
            ConfigResource usage = new ConfigResource(ConfigResource.Type.TOPIC, "usage-events");
            var configs =
                    admin.describeConfigs(List.of(experiments, usage)).all().get();
            assertThat(configs.get(experiments).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(usage).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(Long.parseLong(configs.get(usage).get("retention.ms").value()))
                    .isGreaterThanOrEqualTo(Duration.ofDays(31).toMillis());
        }
    }

    @Test
    void whenMetersAreReadThenTheyCarryTheApplicationTag() {
        double before = meters.counter("likelab.experiments.transitions", "event", "ExperimentStarted")
                .count();
        team().running(Map.of());
        assertThat(meters.counter("likelab.experiments.transitions", "event", "ExperimentStarted")
                        .count())
                .isEqualTo(before + 1);
        assertThat(meters.get("likelab.outbox.pending").gauge().getId().getTag("application"))
                .isEqualTo("experiment-service");
        assertThat(meters.get("likelab.events.accepted").counter().getId().getTag("application"))
                .isEqualTo("experiment-service");
    }

    @Test
    void whenPrometheusScrapesThenDomainMetersAppearWithTheApplicationTag() {
        management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("likelab_outbox_pending{application=\"experiment-service\"}")
                        .contains("likelab_events_accepted_total{application=\"experiment-service\"}"));
    }

    @Test
    void whenTheOpenApiDocumentIsAskedThenItDescribesTheExperimentAndEventPaths() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                        .contains("\"/api/v1/experiments/{id}\"")
                        .contains("\"/api/v1/experiments/{id}/assignments\"")
                        .contains("\"/api/v1/experiments/{id}/history\"")
                        .contains("\"/api/v1/events\"")
                        // request bodies are described by their records, not by the binding wrapper
                        .contains("\"#/components/schemas/CreateExperimentRequest\"")
                        .contains("\"#/components/schemas/CompleteRequest\"")
                        .doesNotContain("\"Bound")
                        .doesNotContain("PatchValue"));
    }

    @Test
    void whenHealthIsAskedThenUpWithProbes() {
        management()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
    }
}

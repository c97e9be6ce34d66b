package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import tools.jackson.databind.JsonNode;

/** Exact counts for three variants and thousands of subjects, with duplicates. */
class AggregationIntegrationTest extends IntegrationTestBase {

    @Autowired
    KafkaStreamsRegistry binderStreams;

    @Value("${likelab.metrics.state-dir}")
    String stateDir;

    /** The binder runs this topology, and with the configuration exact counting depends on. */
    @Test
    void whenStartedThenTheKafkaStreamsBinderRunsTheAggregationExactlyOnce() {
        assertThat(binderStreams.streamsBuilderFactoryBeans()).hasSize(1);
        StreamsBuilderFactoryBean aggregation =
                binderStreams.streamsBuilderFactoryBeans().get(0);
        Properties config = aggregation.getStreamsConfiguration();
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("likelab-metrics");
        assertThat(config.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo(stateDir);
        assertThat(config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo(brokers);
        assertThat(config.get("security.protocol"))
                .as("KAFKA_SECURITY_PROTOCOL")
                .isEqualTo("PLAINTEXT");
        assertThat(aggregation.isRunning()).isTrue();
        String topology = aggregation.getTopology().describe().toString();
        assertThat(topology)
                // one pattern source: the internal topic and every usage-events.<organisation>, not the DLT
                .contains("(topics: usage-events(\\.(?!dlt$)[A-Za-z0-9][A-Za-z0-9_-]*)?)", "(topics: [experiments])")
                .contains("aggregator")
                .contains("dedup", "subject-flags", "aggregates", "dirty", "parked")
                .contains("dlt-sink", "aggregates-sink")
                .contains("experiments-global");
    }

    @Test
    void whenThreeVariantsThousandsOfSubjectsAndDuplicatesThenEveryCountIsExact() {
        Scenario scenario =
                new Scenario("exp-big-" + UUID.randomUUID(), "demo", List.of("control", "b", "c"), List.of(34, 33, 33));
        publish(scenario, "RUNNING");
        List<Scenario.Sent> events = scenario.journeys(3000, 42, Instant.now());
        int half = events.size() / 2;
        List<Scenario.Sent> sent = new ArrayList<>();
        // first batch: the first half, with every tenth event sent twice in the same batch (another representation)
        for (int i = 0; i < half; i++) {
            var e = events.get(i);
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(e, i % 3));
            sent.add(e);
            if (i % 10 == 0) {
                TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(e, (i + 1) % 3));
                sent.add(e);
            }
        }
        // the sentinel: once it is counted, the duplicates before it were processed, so the exact count below
        // cannot be reached before a wrongly counted duplicate would show
        var first = scenario.sentinel(10);
        TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(first, 0));
        sent.add(first);
        producer.flush();
        awaitSentinel(scenario, first);
        awaitCounted(
                scenario.experimentId,
                Scenario.expected(sent, false).values().stream()
                        .mapToLong(c -> c.get("events"))
                        .sum());
        // second batch: the rest, plus every fifth event of the first half again (late duplicates)
        for (int i = half; i < events.size(); i++) {
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 3));
            sent.add(events.get(i));
        }
        for (int i = 0; i < half; i += 5) {
            TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), 2));
            sent.add(events.get(i));
        }
        var second = scenario.sentinel(11);
        TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(second, 0));
        sent.add(second);
        producer.flush();

        var expected = Scenario.expected(sent, false);
        long total = expected.values().stream().mapToLong(c -> c.get("events")).sum();
        assertThat(total).isEqualTo(events.size() + 2); // every journey event and the two sentinels, once
        awaitSentinel(scenario, second);
        awaitCounted(scenario.experimentId, total);

        JsonNode results = get("/api/v1/experiments/" + scenario.experimentId + "/results", "demo");
        assertThat(results.path("status").asString()).isEqualTo("RUNNING");
        assertThat(results.path("primaryKpi").asString()).isEqualTo("completion_rate");
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        var durations = Scenario.durations(sent);
        for (JsonNode v : results.path("variants")) {
            actual.put(v.path("variant").asString(), counts(v));
            var exact = durations.get(v.path("variant").asString());
            assertThat(v.path("medianDurationMs").asDouble())
                    .isCloseTo(
                            exact.get((int) (0.5 * (exact.size() - 1))),
                            org.assertj.core.api.Assertions.withinPercentage(2));
            assertThat(v.path("p90DurationMs").asDouble())
                    .isCloseTo(
                            exact.get((int) (0.9 * (exact.size() - 1))),
                            org.assertj.core.api.Assertions.withinPercentage(2));
            JsonNode completion = v.path("kpis").path("completion_rate");
            assertThat(completion.path("numerator").asLong())
                    .isEqualTo(v.path("completers").asLong());
            assertThat(completion.path("denominator").asLong())
                    .isEqualTo(v.path("starters").asLong());
            assertThat(completion.path("ci95").size()).isEqualTo(2);
            assertThat(v.path("kpis").path("adoption_rate").path("denominator").asLong())
                    .isEqualTo(12000);
            assertThat(v.path("meanScore").asDouble())
                    .isEqualTo(
                            (double) expected.get(v.path("variant").asString()).get("scoreSum")
                                    / expected.get(v.path("variant").asString()).get("feedbackResponses"));
        }
        expected.values().forEach(c -> c.remove("scoreSum"));
        expected.values().forEach(c -> c.remove("events"));
        assertThat(actual).isEqualTo(expected);
        assertThat(results.path("variants").size()).isEqualTo(3);
        assertThat(results.path("comparisons").size()).isEqualTo(4); // 2 treatments x (primary + 1 guardrail)
        assertThat(results.path("srm").path("pValue").isNumber()).isTrue();
        assertThat(results.path("recommendation").path("outcome").asString())
                .isIn("KEEP_RUNNING", "STOP", "SCALE", "ITERATE");

        var expectedDaily = Scenario.expected(sent, true);
        expectedDaily.values().forEach(c -> {
            c.remove("scoreSum");
            c.remove("events");
        });
        JsonNode daily = get("/api/v1/experiments/" + scenario.experimentId + "/results/daily", "demo");
        Map<String, Map<String, Long>> actualDaily = new TreeMap<>();
        for (JsonNode row : daily.path("rows")) {
            actualDaily.put(
                    row.path("day").asString() + "|" + row.path("variant").asString(), counts(row));
        }
        assertThat(actualDaily).isEqualTo(expectedDaily);

        String csv = http.get()
                .uri("/api/v1/experiments/{id}/results/daily", scenario.experimentId)
                .header(HttpHeaders.AUTHORIZATION, InternalTokens.caller("demo"))
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("day,variant,subjects,starters,completers");
        assertThat(lines).hasSize(expectedDaily.size() + 1);
    }

    static Map<String, Long> counts(JsonNode v) {
        Map<String, Long> c = new TreeMap<>();
        // the API shows every counter but scoreSum (meanScore stands for it)
        for (String k : Scenario.COUNTERS.stream()
                .filter(name -> !name.equals("scoreSum"))
                .toList()) {
            c.put(k, v.path(k).asLong());
        }
        return c;
    }
}

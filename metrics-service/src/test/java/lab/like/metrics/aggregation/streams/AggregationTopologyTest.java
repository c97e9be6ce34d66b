package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import lab.like.metrics.aggregation.AggregateMessage;
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.config.MetricsProperties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The topology on the test driver with a controllable wall clock: late duplicates, purging, emission. */
class AggregationTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final String EXP = "exp-1";
    static final String HASH = "AAAAAAAAAAAAAAAAAAAAAA";

    final JsonMapper json = JsonMapper.builder().build();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> events;
    TestOutputTopic<byte[], byte[]> aggregates;
    TestInputTopic<String, byte[]> experiments;
    TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void setUp() {
        this.properties = properties(50_000);
        config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Path.of("target", "tmp", "driver-" + UUID.randomUUID())
                        .toAbsolutePath()
                        .toString());
        start();
    }

    static MetricsProperties properties(int purgeSliceKeys) {
        return new MetricsProperties(
                "unused:9092",
                "secret",
                "unused",
                "topology-test",
                Duration.ofMillis(300),
                Duration.ofMillis(100),
                Duration.ofDays(31),
                Duration.ofHours(1),
                purgeSliceKeys,
                Duration.ofSeconds(30),
                -1,
                1,
                1_000_000,
                new MetricsProperties.Topics("usage-events", "experiments", "usage-events.dlt", "kpi-aggregates", 3),
                new MetricsProperties.Writer("w", Duration.ofMillis(500), 100, Duration.ofSeconds(5), Map.of()),
                Map.of());
    }

    MetricsProperties properties;
    Properties config;

    void start() {
        var topology = AggregationTopology.build(
                properties,
                new EventRules(new Pseudonymiser("secret")),
                new AggregationMeters(new SimpleMeterRegistry()),
                json);
        driver = new TopologyTestDriver(topology, config, T0);
        events = driver.createInputTopic("usage-events", new StringSerializer(), new ByteArraySerializer());
        aggregates =
                driver.createOutputTopic("kpi-aggregates", new ByteArrayDeserializer(), new ByteArrayDeserializer());
        experiments = driver.createInputTopic("experiments", new StringSerializer(), new ByteArraySerializer());
        deadLetters =
                driver.createOutputTopic("usage-events.dlt", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    void send(String eventId, Instant recordTime) {
        String value = "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"" + EXP + "\",\"subjectHash\":\"" + HASH
                + "\",\"variant\":\"control\",\"type\":\"start\",\"occurredAt\":\"" + T0 + "\"}";
        events.pipeInput(EXP, value.getBytes(StandardCharsets.UTF_8), recordTime);
    }

    Map<String, AggregateMessage> emitted() {
        Map<String, AggregateMessage> out = new java.util.TreeMap<>();
        aggregates
                .readKeyValuesToList()
                .forEach(kv -> out.put(
                        new String(kv.key, StandardCharsets.UTF_8), json.readValue(kv.value, AggregateMessage.class)));
        return out;
    }

    @Test
    void whenDuplicateArrivesTwentyNineDaysLaterThenCountedOnce() {
        send("e-1", T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(emitted().get(EXP + "|control|").version()).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofDays(29));
        send("e-1", T0.plus(Duration.ofDays(29)));
        send("e-2", T0.plus(Duration.ofDays(29)));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        var totals = emitted().get(EXP + "|control|");
        assertThat(totals.version()).isEqualTo(2);
        assertThat(totals.subjects()).isEqualTo(1);
        assertThat(totals.starters()).isEqualTo(1);
    }

    @Test
    void whenSubjectActsOnSeveralDaysThenEachDayCountsItOnceAndTotalsOnce() {
        sendOn("e-1", "2026-11-25T10:00:00Z");
        sendOn("e-2", "2026-11-26T10:00:00Z");
        sendOn("e-3", "2026-11-25T11:00:00Z");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        var out = emitted();
        assertThat(out.get(EXP + "|control|").subjects()).isEqualTo(1);
        assertThat(out.get(EXP + "|control|").version()).isEqualTo(3);
        assertThat(out.get(EXP + "|control|2026-11-25").subjects()).isEqualTo(1);
        assertThat(out.get(EXP + "|control|2026-11-25").version()).isEqualTo(2);
        assertThat(out.get(EXP + "|control|2026-11-26").subjects()).isEqualTo(1);
    }

    void sendOn(String eventId, String occurredAt) {
        String value = "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"" + EXP + "\",\"subjectHash\":\"" + HASH
                + "\",\"variant\":\"control\",\"type\":\"start\",\"occurredAt\":\"" + occurredAt + "\"}";
        events.pipeInput(EXP, value.getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void whenNothingChangedThenNothingIsEmittedAgain() {
        send("e-1", T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(emitted()).containsOnlyKeys(EXP + "|control|", EXP + "|control|2026-11-27");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(emitted()).isEmpty();
    }

    @Test
    void whenRetentionPassedThenEventIdsArePurgedButSubjectsAndTotalsStay() {
        send("e-1", T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(1);
        driver.advanceWallClockTime(Duration.ofDays(33));
        assertThat(count(AggregationTopology.DEDUP)).isZero();
        assertThat(count(AggregationTopology.SUBJECT_FLAGS)).isEqualTo(1);
        assertThat(count(AggregationTopology.AGGREGATES)).isEqualTo(2);
    }

    @Test
    void whenThePurgeWalksTheStoreInSlicesThenOldIdsGoSliceBySliceAndNoDuplicateSlipsThrough() {
        driver.close();
        properties = properties(2); // two event ids per slice, a slice a second
        start();
        Instant later = T0.plus(Duration.ofDays(32));
        for (int i = 0; i < 5; i++) send("old-" + i, T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(5);

        driver.advanceWallClockTime(Duration.ofDays(32)); // the pass is due: its first slice
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(3);
        sendOn("new-1", later.toString());
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // second slice
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(2); // old-4 and new-1
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // third slice: old-4 goes, new-1 stays, pass done
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // no pass due: nothing examined
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(1);
        emitted();

        // the key filter the pass built has new-1 (added while it ran): its duplicate is still dropped
        sendOn("new-1", later.toString());
        sendOn("new-2", later.toString());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(emitted().get(EXP + "|control|").version()).isEqualTo(7); // 5 old + new-1 + new-2
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(2);
    }

    @Test
    void whenEventProcessedThenEveryStoreWriteIsInItsChangelogAtTheCommit() {
        send("e-1", T0);
        // the driver commits after each record; nothing here reads the stores, so only the commit's cache flush
        // can have written the pending values back
        assertThat(changelog(AggregationTopology.DEDUP)).hasSize(1);
        assertThat(changelog(AggregationTopology.SUBJECT_FLAGS)).hasSize(1);
        assertThat(changelog(AggregationTopology.AGGREGATES)).hasSize(2);
        send("e-2", T0);
        send("e-2", T0);
        assertThat(changelog(AggregationTopology.DEDUP)).containsExactly("e-2\n" + EXP);
        // a second start by the same subject turns on no new flag: the subject's value is not rewritten
        assertThat(changelog(AggregationTopology.SUBJECT_FLAGS)).isEmpty();
        assertThat(changelog(AggregationTopology.AGGREGATES)).hasSize(2);
    }

    List<String> changelog(String store) {
        return driver
                .createOutputTopic(
                        "topology-test-" + store + "-changelog", new StringDeserializer(), new ByteArrayDeserializer())
                .readKeyValuesToList()
                .stream()
                .map(kv -> kv.key)
                .toList();
    }

    void sendRaw(String experiment, String eventId, String subject) {
        String value = "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"" + experiment + "\",\"subjectId\":\""
                + subject + "\",\"type\":\"start\",\"occurredAt\":\"" + T0 + "\"}";
        events.pipeInput(experiment, value.getBytes(StandardCharsets.UTF_8), T0);
    }

    void define(String experiment, String status) {
        String value = "{\"id\":\"" + experiment + "\",\"organisation\":\"demo\",\"status\":\"" + status
                + "\",\"variants\":[{\"key\":\"control\",\"weight\":50},{\"key\":\"b\",\"weight\":50}],"
                + "\"salt\":\"s\",\"version\":1}";
        experiments.pipeInput(experiment, value.getBytes(StandardCharsets.UTF_8), T0);
    }

    List<String> deadLetterReasons() {
        return deadLetters.readRecordsToList().stream()
                .map(r ->
                        new String(r.headers().lastHeader("likelab-dlt-reason").value(), StandardCharsets.UTF_8))
                .toList();
    }

    long subjects(Map<String, AggregateMessage> out, String experiment) {
        return out.entrySet().stream()
                .filter(e ->
                        e.getKey().startsWith(experiment + "|") && e.getKey().endsWith("|"))
                .mapToLong(e -> e.getValue().subjects())
                .sum();
    }

    @Test
    void whenRawEventArrivesBeforeItsExperimentThenItWaitsAndIsCountedOnceWhenTheExperimentRuns() {
        sendRaw("exp-late", "r-1", "citizen-1");
        sendRaw("exp-late", "r-1", "citizen-1");
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(deadLetterReasons()).isEmpty();
        define("exp-late", "DRAFT");
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(deadLetterReasons()).as("still not running: keeps waiting").isEmpty();
        define("exp-late", "RUNNING");
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // released and counted
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // emitted
        var out = emitted();
        assertThat(subjects(out, "exp-late")).isEqualTo(1);
        assertThat(out.entrySet().stream()
                        .filter(e ->
                                e.getKey().startsWith("exp-late|") && e.getKey().endsWith("|"))
                        .mapToLong(e -> e.getValue().version())
                        .sum())
                .as("events counted")
                .isEqualTo(1);
        assertThat(deadLetterReasons()).isEmpty();
        assertThat(count(AggregationTopology.PARKED)).isZero();
    }

    @Test
    void whenExperimentNeverArrivesThenTheEventIsDeadLetteredAfterTheGraceWithItsOwnHeaders() {
        String value = "{\"eventId\":\"n-1\",\"experimentId\":\"exp-never\",\"subjectId\":\"citizen-1\","
                + "\"type\":\"start\",\"occurredAt\":\"" + T0 + "\"}";
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(
                "exp-never", value.getBytes(StandardCharsets.UTF_8), headers, T0));
        driver.advanceWallClockTime(Duration.ofSeconds(25));
        assertThat(deadLetters.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(6));
        var dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(
                        dead.get(0).headers().lastHeader("likelab-dlt-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("unknown-experiment: unknown experiment");
        assertThat(dead.get(0).headers().lastHeader("traceparent").value())
                .isEqualTo("00-abc-01".getBytes(StandardCharsets.UTF_8));
        assertThat(dead.get(0).value()).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        assertThat(count(AggregationTopology.PARKED)).isZero();
    }

    long count(String store) {
        if (!store.equals(AggregationTopology.PARKED)) {
            return ((WriteBackStore<?, ?>) driver.getStateStore(store)).count();
        }
        long n = 0;
        try (var all = driver.<String, byte[]>getKeyValueStore(store).all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }
}

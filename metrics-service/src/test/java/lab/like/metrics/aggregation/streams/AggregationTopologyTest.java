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
import lab.like.metrics.aggregation.EventRules;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.aggregation.json.AggregateMessage;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import lab.like.metrics.config.KafkaSecurity;
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
    // application.yml's likelab.metrics.topics.usage-pattern with the default names
    static final String PATTERN = "usage-events(\\.(?!dlt$)[A-Za-z0-9][A-Za-z0-9_-]*)?";

    // HmacSHA256 vectors of the subjects below under the secret "secret", made once with
    // python3 -c 'import hmac,hashlib,base64,sys; k,s=sys.argv[1:3]; print(base64.urlsafe_b64encode(
    //   hmac.new(k.encode(),s.encode(),hashlib.sha256).digest()[:16]).rstrip(b"=").decode())' secret citizen-1
    static final String HASH_CITIZEN_1 = "lM-jWkLsN_Lxdsu-5iSaFw";
    static final String HASH_CITIZEN_2 = "exOgZMipDbBFvBwIyWaKIA";
    static final String HASH_CITIZEN_4 = "yRDjo1e07KZIMWN8o-mUdw";

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
                new MetricsProperties.Topics(
                        "usage-events",
                        "experiments",
                        "usage-events.dlt",
                        "kpi-aggregates",
                        3,
                        PATTERN,
                        List.of("demo", "other")),
                new MetricsProperties.Writer("w", Duration.ofMillis(500), 100, Duration.ofSeconds(5), Map.of()),
                Map.of(),
                new KafkaSecurity("PLAINTEXT", "SCRAM-SHA-512", ""));
    }

    MetricsProperties properties;
    Properties config;

    void start() {
        var topology = AggregationTopology.build(
                properties,
                new EventRules(new Pseudonymiser("secret")),
                new SubjectRedactor(json, new Pseudonymiser("secret")),
                new AggregationMeters(new SimpleMeterRegistry()),
                json);
        driver = new TopologyTestDriver(topology, config, T0);
        events = driver.createInputTopic("usage-events", new StringSerializer(), new ByteArraySerializer());
        aggregates =
                driver.createOutputTopic("kpi-aggregates", new ByteArrayDeserializer(), new ByteArrayDeserializer());
        experiments = driver.createInputTopic("experiments", new StringSerializer(), new ByteArraySerializer());
        deadLetters =
                driver.createOutputTopic("usage-events.dlt", new ByteArrayDeserializer(), new ByteArrayDeserializer());
        define(EXP, "RUNNING");
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
        assertThat(totals.counts().subjects()).isEqualTo(1);
        assertThat(totals.counts().starters()).isEqualTo(1);
    }

    @Test
    void whenSubjectActsOnSeveralDaysThenEachDayCountsItOnceAndTotalsOnce() {
        sendOn("e-1", "2026-11-25T10:00:00Z");
        sendOn("e-2", "2026-11-26T10:00:00Z");
        sendOn("e-3", "2026-11-25T11:00:00Z");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        var out = emitted();
        assertThat(out.get(EXP + "|control|").counts().subjects()).isEqualTo(1);
        assertThat(out.get(EXP + "|control|").version()).isEqualTo(3);
        assertThat(out.get(EXP + "|control|2026-11-25").counts().subjects()).isEqualTo(1);
        assertThat(out.get(EXP + "|control|2026-11-25").version()).isEqualTo(2);
        assertThat(out.get(EXP + "|control|2026-11-26").counts().subjects()).isEqualTo(1);
    }

    void sendOn(String eventId, String occurredAt) {
        sendOn(eventId, occurredAt, T0);
    }

    void sendOn(String eventId, String occurredAt, Instant recordTime) {
        String value = "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"" + EXP + "\",\"subjectHash\":\"" + HASH
                + "\",\"variant\":\"control\",\"type\":\"start\",\"occurredAt\":\"" + occurredAt + "\"}";
        events.pipeInput(EXP, value.getBytes(StandardCharsets.UTF_8), recordTime);
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
        sendOn("new-1", later.toString(), later);
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // second slice
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(2); // old-4 and new-1
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // third slice: old-4 goes, new-1 stays, pass done
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // no pass due: nothing examined
        assertThat(count(AggregationTopology.DEDUP)).isEqualTo(1);
        emitted();

        // the key filter the pass built has new-1 (added while it ran): its duplicate is still dropped
        sendOn("new-1", later.toString(), later);
        sendOn("new-2", later.toString(), later);
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

    TestInputTopic<String, byte[]> organisationTopic(String organisation) {
        return driver.createInputTopic(
                "usage-events." + organisation, new StringSerializer(), new ByteArraySerializer());
    }

    static byte[] raw(String experiment, String eventId, String subject, String variant) {
        String value = "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"" + experiment + "\",\"subjectId\":\""
                + subject + "\"" + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
                + ",\"type\":\"start\",\"occurredAt\":\"" + T0 + "\"}";
        return value.getBytes(StandardCharsets.UTF_8);
    }

    void sendRaw(String experiment, String eventId, String subject, String variant) {
        organisationTopic("demo").pipeInput(experiment, raw(experiment, eventId, subject, variant), T0);
    }

    void define(String experiment, String status) {
        define(experiment, status, "demo", 1);
    }

    void define(String experiment, String status, String organisation, int version) {
        String value = "{\"id\":\"" + experiment + "\",\"organisation\":\"" + organisation + "\",\"status\":\""
                + status + "\",\"variants\":[{\"key\":\"control\",\"weight\":50},{\"key\":\"b\",\"weight\":50}],"
                + "\"salt\":\"s\",\"version\":" + version + "}";
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
                .mapToLong(e -> e.getValue().counts().subjects())
                .sum();
    }

    long counted(Map<String, AggregateMessage> out, String experiment) {
        return out.entrySet().stream()
                .filter(e ->
                        e.getKey().startsWith(experiment + "|") && e.getKey().endsWith("|"))
                .mapToLong(e -> e.getValue().version())
                .sum();
    }

    /** Every value written to the parked store's changelog, as text. */
    List<String> parkedChangelog() {
        return driver
                .createOutputTopic(
                        "topology-test-parked-changelog", new StringDeserializer(), new ByteArrayDeserializer())
                .readValuesToList()
                .stream()
                .filter(java.util.Objects::nonNull)
                .map(v -> new String(v, StandardCharsets.ISO_8859_1))
                .toList();
    }

    @Test
    void whenRawEventArrivesBeforeItsExperimentThenItWaitsPseudonymisedAndIsCountedOnceWhenTheExperimentRuns() {
        sendRaw("exp-late", "r-1", "citizen-1", "b");
        sendRaw("exp-late", "r-1", "citizen-1", "b");
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
        assertThat(counted(out, "exp-late")).as("events counted").isEqualTo(1);
        assertThat(out).containsKey("exp-late|b|");
        assertThat(deadLetterReasons()).isEmpty();
        assertThat(count(AggregationTopology.PARKED)).isZero();
        List<String> parkedValues = parkedChangelog();
        assertThat(parkedValues)
                .hasSize(2)
                .allSatisfy(v -> assertThat(v).doesNotContain("citizen-1").contains(HASH_CITIZEN_1));
    }

    @Test
    void whenNotRunningEventHasNoVariantThenItWaitsWithTheVariantItsSubjectIsAssigned() {
        define("exp-soon", "DRAFT");
        sendRaw("exp-soon", "r-1", "citizen-9", null);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(count(AggregationTopology.PARKED)).isEqualTo(1);
        define("exp-soon", "RUNNING");
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        // salt "s", control:50|b:50: murmur3_x86_32("s/citizen-9") = 25867317, bucket 7317 >= 5000, so "b" (computed
        // with an independent Python murmur3 that reproduces docs/assignment-test-vectors.csv)
        String assigned = "b";
        assertThat(emitted()).containsKey("exp-soon|" + assigned + "|");
        assertThat(parkedChangelog()).noneMatch(v -> v.contains("citizen-9"));
    }

    @Test
    void whenUnknownExperimentsEventHasNoVariantThenItIsDeadLetteredAtOnceWithTheHashOnly() {
        sendRaw("exp-unknown", "r-1", "citizen-2", null);
        var dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(
                        dead.get(0).headers().lastHeader("likelab-dlt-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("unknown-experiment: unknown experiment");
        var value = json.readTree(dead.get(0).value());
        assertThat(value.has("subjectId")).isFalse();
        assertThat(value.path("subjectHash").asString()).isEqualTo(HASH_CITIZEN_2);
        assertThat(value.path("eventId").asString()).isEqualTo("r-1");
        assertThat(count(AggregationTopology.PARKED)).isZero();
    }

    @Test
    void whenExperimentNeverArrivesThenTheEventIsDeadLetteredAfterTheGraceWithItsOwnHeadersAndNoRawId() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        organisationTopic("demo")
                .pipeInput(new org.apache.kafka.streams.test.TestRecord<>(
                        "exp-never", raw("exp-never", "n-1", "citizen-1", "b"), headers, T0));
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
        String value = new String(dead.get(0).value(), StandardCharsets.UTF_8);
        assertThat(value)
                .doesNotContain("citizen-1")
                .contains("\"subjectHash\":\"" + HASH_CITIZEN_1 + "\"")
                .contains("\"eventId\":\"n-1\"");
        assertThat(count(AggregationTopology.PARKED)).isZero();
    }

    @Test
    void whenOrganisationTopicCarriesAnotherOrganisationsExperimentThenForeignExperimentAndNothingCounted() {
        organisationTopic("other").pipeInput(EXP, raw(EXP, "f-1", "citizen-3", null), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(deadLetterReasons())
                .containsExactly("foreign-experiment: the experiment does not belong to this topic's organisation");
        assertThat(emitted()).isEmpty();
    }

    @Test
    void whenOrganisationTopicEventCarriesSubjectHashThenItIsRefusedButTheInternalTopicTakesIt() {
        String hashed = "{\"eventId\":\"h-1\",\"experimentId\":\"" + EXP + "\",\"subjectHash\":\"" + HASH
                + "\",\"variant\":\"control\",\"type\":\"start\",\"occurredAt\":\"" + T0 + "\"}";
        organisationTopic("demo").pipeInput(EXP, hashed.getBytes(StandardCharsets.UTF_8), T0);
        assertThat(deadLetterReasons()).containsExactly("unknown-field: unknown field 'subjectHash'");
        events.pipeInput(EXP, hashed.getBytes(StandardCharsets.UTF_8), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(counted(emitted(), EXP)).isEqualTo(1);
    }

    @Test
    void whenPreHashedEventBreaksTheTimeWindowOrTheStatusThenItIsDeadLetteredToo() {
        define("exp-paused", "PAUSED");
        String late = "{\"eventId\":\"w-1\",\"experimentId\":\"" + EXP + "\",\"subjectHash\":\"" + HASH
                + "\",\"variant\":\"control\",\"type\":\"start\",\"occurredAt\":\"" + T0.minus(Duration.ofDays(31))
                + "\"}";
        events.pipeInput(EXP, late.getBytes(StandardCharsets.UTF_8), T0);
        String paused = late.replace(EXP, "exp-paused")
                .replace(T0.minus(Duration.ofDays(31)).toString(), T0.toString());
        events.pipeInput("exp-paused", paused.getBytes(StandardCharsets.UTF_8), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertThat(deadLetterReasons())
                .containsExactly(
                        "out-of-window: occurredAt more than 30 days old or 5 minutes ahead",
                        "not-running: experiment is not RUNNING");
        assertThat(emitted()).isEmpty();
    }

    @Test
    void whenTheSameEventArrivesOnTheInternalAndAnOrganisationTopicThenItIsCountedOnce() {
        String hash = HASH_CITIZEN_4;
        organisationTopic("demo").pipeInput(EXP, raw(EXP, "d-1", "citizen-4", "control"), T0);
        String hashed = "{\"eventId\":\"d-1\",\"experimentId\":\"" + EXP + "\",\"subjectHash\":\"" + hash
                + "\",\"variant\":\"control\",\"type\":\"start\",\"occurredAt\":\"" + T0 + "\"}";
        events.pipeInput(EXP, hashed.getBytes(StandardCharsets.UTF_8), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        var out = emitted();
        assertThat(counted(out, EXP)).isEqualTo(1);
        assertThat(subjects(out, EXP)).isEqualTo(1);
    }

    @Test
    void whenADefinitionNamesAnotherOrganisationThenItIsNotApplied() {
        define(EXP, "RUNNING", "other", 2);
        organisationTopic("other").pipeInput(EXP, raw(EXP, "g-1", "citizen-5", null), T0);
        organisationTopic("demo").pipeInput(EXP, raw(EXP, "g-2", "citizen-5", null), T0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(deadLetterReasons())
                .containsExactly("foreign-experiment: the experiment does not belong to this topic's organisation");
        assertThat(counted(emitted(), EXP)).isEqualTo(1);
    }

    long count(String store) {
        if (!store.equals(AggregationTopology.PARKED)) {
            return ((WriteBackStore<?, ?>) driver.getStateStore(store)).buffer().count();
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

package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import lab.like.metrics.aggregation.Origin;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.aggregation.RejectReason;
import lab.like.metrics.aggregation.UsageTopics;
import lab.like.metrics.aggregation.Verdict;
import lab.like.metrics.aggregation.json.RawEventReader;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Parking and release on Kafka Streams' mock processor context and an in-memory store. */
class ParkingLotTest {

    static final Duration GRACE = Duration.ofSeconds(30);
    static final Verdict EARLY = Verdict.reject(RejectReason.UNKNOWN_EXPERIMENT, "unknown experiment");
    static final Verdict FINAL = Verdict.reject(RejectReason.UNKNOWN_VARIANT, "no such variant");

    final JsonMapper json = JsonMapper.builder().build();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    final KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(AggregationTopology.PARKED), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    final Map<String, byte[]> experiments = new HashMap<>();
    final DefinitionCache definitions = new DefinitionCache(experiments::get, () -> 0L, json);
    final ParkingLot parking;

    // what release saw and did
    final List<Origin> judged = new ArrayList<>();
    final List<String> settled = new ArrayList<>();
    final List<Verdict> verdicts = new ArrayList<>();

    ParkingLotTest() {
        store.init(context.getStateStoreContext(), store);
        parking = new ParkingLot(
                store,
                new UsageTopics("usage-events", "usage-events.dlt"),
                GRACE,
                new RawEventReader(json),
                definitions,
                new SubjectRedactor(json, new Pseudonymiser("secret")),
                new AggregationMeters(registry),
                context);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String event(String eventId, String subject, String variant) {
        return "{\"eventId\":\"" + eventId + "\",\"experimentId\":\"exp-1\"," + subject
                + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
                + ",\"type\":\"start\",\"occurredAt\":\"2026-11-27T10:00:00Z\"}";
    }

    static Record<byte[], byte[]> record(String eventId) {
        return new Record<>(utf8("exp-1"), utf8(event(eventId, "\"subjectId\":\"citizen-1\"", "control")), 42L);
    }

    static String eventId(Record<byte[], byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        return value.substring(value.indexOf("\"eventId\":\"") + 11, value.indexOf("\",\"experimentId\""));
    }

    boolean park(Record<byte[], byte[]> record, long now, String topic, int partition, long offset) {
        context.setCurrentSystemTimeMs(now);
        context.setRecordMetadata(topic, partition, offset);
        return parking.park(record, topic);
    }

    void release(long now, Verdict verdict) {
        release(now, (record, origin) -> verdict);
    }

    void release(long now, BiFunction<Record<byte[], byte[]>, Origin, Verdict> verdict) {
        parking.release(
                now,
                (record, origin) -> {
                    judged.add(origin);
                    return verdict.apply(record, origin);
                },
                (record, v) -> {
                    settled.add(eventId(record));
                    verdicts.add(v);
                });
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void whenParkedThenKeyedByParkingTimeTopicPartitionAndOffsetAndReleasedInThatOrder() {
        assertThat(park(record("e-a"), 1_000, "usage-events.demo", 0, 7)).isTrue();
        assertThat(park(record("e-b"), 1_000, "usage-events", 2, 3)).isTrue();
        assertThat(park(record("e-c"), 900, "usage-events.demo", 0, 8)).isTrue();
        assertThat(keys())
                .containsExactly(
                        "0000000000900|usage-events.demo|0000000000|0000000000000000008",
                        "0000000001000|usage-events.demo|0000000000|0000000000000000007",
                        "0000000001000|usage-events|0000000002|0000000000000000003");

        release(2_000, new Verdict.Accepted(null));

        assertThat(settled).containsExactly("e-c", "e-a", "e-b");
        // judged as pseudonymised events of the topic they came from
        assertThat(judged).containsExactly(new Origin("demo", true), new Origin("demo", true), Origin.INTERNAL);
        assertThat(keys()).isEmpty();
        assertThat(registry.get("likelab.metrics.events.parked").counter().count())
                .isEqualTo(3.0);
    }

    @Test
    void whenParkedInOneMillisecondThenReleasedInOffsetOrder() {
        park(record("e-9"), 1_000, "usage-events", 0, 9);
        park(record("e-10"), 1_000, "usage-events", 0, 10);
        park(record("e-p10"), 1_000, "usage-events", 10, 1);
        park(record("e-p2"), 1_000, "usage-events", 2, 1);
        release(2_000, new Verdict.Accepted(null));
        assertThat(settled).containsExactly("e-9", "e-10", "e-p2", "e-p10");
    }

    @Test
    void whenAKeyWasWrittenBeforeThePaddingThenItIsStillReleased() {
        store.put("0000000001000|usage-events.demo|0|7", ParkedRecord.encode(record("e-old")));
        release(2_000, new Verdict.Accepted(null));
        assertThat(settled).containsExactly("e-old");
        assertThat(judged).containsExactly(new Origin("demo", true));
        assertThat(keys()).isEmpty();
    }

    @Test
    void whenStillEarlyThenKeptUntilTheGraceHasPassedThenSettledWithTheReasonItHasThen() {
        park(record("e-1"), 1_000, "usage-events", 0, 1);
        release(1_000 + GRACE.toMillis() - 1, EARLY);
        assertThat(settled).isEmpty();
        assertThat(keys()).hasSize(1);

        release(1_000 + GRACE.toMillis(), EARLY);
        assertThat(settled).containsExactly("e-1");
        assertThat(verdicts).containsExactly(EARLY);
        assertThat(keys()).isEmpty();
    }

    @Test
    void whenTheVerdictIsFinalThenSettledAtOnceEvenWithinTheGraceAndOnlyThoseRecords() {
        park(record("e-early"), 1_000, "usage-events", 0, 1);
        park(record("e-final"), 1_000, "usage-events", 0, 2);
        release(1_001, (record, origin) -> eventId(record).equals("e-final") ? FINAL : EARLY);
        assertThat(settled).containsExactly("e-final");
        assertThat(verdicts).containsExactly(FINAL);
        assertThat(keys()).containsExactly("0000000001000|usage-events|0000000000|0000000000000000001");
    }

    @Test
    void whenARecordIsSettledThenItHasLeftTheStoreAlready() {
        park(record("e-1"), 1_000, "usage-events", 0, 1);
        List<List<String>> keysWhenSettled = new ArrayList<>();
        parking.release(2_000, (record, origin) -> FINAL, (record, verdict) -> keysWhenSettled.add(keys()));
        assertThat(keysWhenSettled).containsExactly(List.of());
    }

    @Test
    void whenParkedThenTimestampKeyAndHeadersKeptAndTheSubjectIdReplacedByItsHash() {
        var record = new Record<>(utf8("exp-1"), utf8(event("e-1", "\"subjectId\":\"citizen-1\"", "control")), 42L);
        record.headers().add("traceparent", utf8("00-abc-01"));
        park(record, 1_000, "usage-events.demo", 1, 5);

        Record<byte[], byte[]> stored =
                ParkedRecord.decode(store.get("0000000001000|usage-events.demo|0000000001|0000000000000000005"));
        assertThat(stored.key()).isEqualTo(utf8("exp-1"));
        assertThat(stored.timestamp()).isEqualTo(42L);
        assertThat(stored.headers().lastHeader("traceparent").value()).isEqualTo(utf8("00-abc-01"));
        assertThat(new String(stored.value(), StandardCharsets.UTF_8))
                .doesNotContain("citizen-1")
                .contains("\"subjectHash\":\"" + AggregationTopologyTest.HASH_CITIZEN_1 + "\"");
    }

    @Test
    void whenNoVariantIsNamedThenParkedOnlyWhenTheExperimentCanAssignIt() {
        var raw = new Record<>(utf8("exp-1"), utf8(event("e-1", "\"subjectId\":\"citizen-1\"", null)), 42L);
        // a raw subject id without variant for an unknown experiment: the variant could never be assigned
        assertThat(park(raw, 1_000, "usage-events.demo", 0, 1)).isFalse();
        // a hashed subject (internal topic) carries no raw id to keep
        var hashed = new Record<>(
                utf8("exp-1"), utf8(event("e-2", "\"subjectHash\":\"AAAAAAAAAAAAAAAAAAAAAA\"", null)), 42L);
        assertThat(park(hashed, 1_000, "usage-events", 0, 2)).isTrue();
        // known (not running) experiment: parked with the variant it assigns
        experiments.put("exp-1", DefinitionCacheTest.definition("DRAFT", 1));
        assertThat(park(raw, 1_000, "usage-events.demo", 0, 3)).isTrue();
        String value = new String(
                ParkedRecord.decode(store.get("0000000001000|usage-events.demo|0000000000|0000000000000000003"))
                        .value(),
                StandardCharsets.UTF_8);
        assertThat(value).doesNotContain("citizen-1").containsPattern("\"variant\":\"(control|b)\"");
        assertThat(keys()).hasSize(2);
    }

    @Test
    void whenTheValueIsNoEventThenNotParked() {
        assertThat(park(new Record<>(utf8("exp-1"), null, 42L), 1_000, "usage-events", 0, 1))
                .isFalse();
        assertThat(park(new Record<>(utf8("exp-1"), utf8("not json"), 42L), 1_000, "usage-events", 0, 2))
                .isFalse();
        assertThat(keys()).isEmpty();
        assertThat(registry.get("likelab.metrics.events.parked").counter().count())
                .isZero();
    }

    @Test
    void whenTheParkingIsFullThenNotParked() {
        List<KeyValue<String, byte[]>> full = new ArrayList<>();
        for (long i = 0; i < ParkingLot.MAX_PARKED; i++) {
            full.add(KeyValue.pair(String.format("0000000000001|usage-events|0|%d", i), new byte[0]));
        }
        store.putAll(full);
        assertThat(park(record("e-1"), 1_000, "usage-events", 0, 1)).isFalse();
        store.delete("0000000000001|usage-events|0|0");
        assertThat(park(record("e-1"), 1_000, "usage-events", 0, 1)).isTrue();
    }

    @Test
    void whenRejectedForAnUnknownOrNotRunningExperimentThenItMayBeEarlyAndOtherwiseNot() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(ParkingLot.mayBeEarly(new Verdict.Rejected(reason, "")))
                    .as(reason.tag())
                    .isEqualTo(reason == RejectReason.UNKNOWN_EXPERIMENT || reason == RejectReason.NOT_RUNNING);
        }
    }
}

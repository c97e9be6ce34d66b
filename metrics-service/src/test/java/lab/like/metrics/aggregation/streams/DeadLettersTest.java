package lab.like.metrics.aggregation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import lab.like.metrics.aggregation.Pseudonymiser;
import lab.like.metrics.aggregation.RejectReason;
import lab.like.metrics.aggregation.Verdict;
import lab.like.metrics.aggregation.json.SubjectRedactor;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Dead-letter routing on Kafka Streams' mock processor context. */
class DeadLettersTest {

    static final String HASH_CITIZEN_1 = AggregationTopologyTest.HASH_CITIZEN_1;

    final JsonMapper json = JsonMapper.builder().build();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    final DeadLetters deadLetters = new DeadLetters(
            new SubjectRedactor(json, new Pseudonymiser("secret")), new AggregationMeters(registry), context);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whenRejectedThenForwardedToTheDeadLetterSinkPseudonymisedWithOneReasonHeader() {
        var record = new Record<>(utf8("exp-1"), utf8("{\"eventId\":\"e-1\",\"subjectId\":\"citizen-1\"}"), 1_000L);
        record.headers().add("traceparent", utf8("00-abc-01"));
        record.headers().add(DeadLetters.REASON_HEADER, utf8("forged"));

        deadLetters.send(record, new Verdict.Rejected(RejectReason.UNKNOWN_EXPERIMENT, "no such experiment"));

        assertThat(context.forwarded()).hasSize(1);
        var forwarded = context.forwarded().get(0);
        assertThat(forwarded.childName()).contains(AggregationTopology.DLT_SINK);
        Record<? extends byte[], ? extends byte[]> dead = forwarded.record();
        assertThat(dead.key()).isEqualTo(utf8("exp-1"));
        assertThat(dead.timestamp()).isEqualTo(1_000L);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"eventId\":\"e-1\",\"subjectHash\":\"" + HASH_CITIZEN_1 + "\"}");
        assertThat(dead.headers().toArray()).hasSize(2);
        assertThat(dead.headers().lastHeader("traceparent").value()).isEqualTo(utf8("00-abc-01"));
        assertThat(dead.headers().headers(DeadLetters.REASON_HEADER)).hasSize(1);
        assertThat(new String(
                        dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("unknown-experiment: no such experiment");
        assertThat(registry.get("likelab.metrics.events.dead.lettered")
                        .tag("reason", "unknown-experiment")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        // the incoming record keeps its own headers
        assertThat(new String(
                        record.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("forged");
    }

    @Test
    void whenTheValueIsNotAJsonObjectThenTheDeadLetterHasNoValue() {
        deadLetters.send(
                new Record<>(utf8("exp-1"), utf8("[\"citizen-1\"]"), 5L),
                new Verdict.Rejected(RejectReason.NOT_AN_OBJECT, "an array"));
        assertThat(context.forwarded(AggregationTopology.DLT_SINK)).hasSize(1);
        assertThat(context.forwarded().get(0).record().value()).isNull();
    }
}

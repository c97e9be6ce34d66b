package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pseudonymisation and assignment against fixed vectors computed outside this code base: HMAC vectors made once
 * with Python's hmac module, and the shared assignment vectors of docs/assignment-test-vectors.csv.
 */
class PseudonymisationAndAssignmentTest {

    static final Path VECTORS = Path.of("..", "docs", "assignment-test-vectors.csv");

    /*
     * Made with:
     * python3 -c 'import hmac,hashlib,base64,sys; k,s=sys.argv[1:3]; print(base64.urlsafe_b64encode(
     *   hmac.new(k.encode(),s.encode(),hashlib.sha256).digest()[:16]).rstrip(b"=").decode())' KEY SUBJECT
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            k                                   | citizen-7f3a          | DcmINBuwFxHp4oVtlXhuzw
            test-subject-secret                 | citizen-1             | 1FaEZtwUtfK1BjmkGw_Ong
            test-subject-secret                 | business-KVK-12345678 | znm7Yy0na1HQ57lLPxXbwQ
            dev-subject-secret-0123456789abcdef | medborgare-åäö        | n-HcP0dEy8TBepfIRRHxTQ
            secret                              | citizen-1             | lM-jWkLsN_Lxdsu-5iSaFw
            """)
    void whenHashingThenTheContractsHmacVectorComesOut(String secret, String subjectId, String expected) {
        assertThat(new Pseudonymiser(secret).hash(subjectId))
                .isEqualTo(expected)
                .hasSize(22);
    }

    @Test
    void whenHashingTheSameSubjectAgainThenTheRememberedHashIsTheSame() {
        var pseudonymiser = new Pseudonymiser("k");
        assertThat(pseudonymiser.hash("citizen-7f3a")).isEqualTo("DcmINBuwFxHp4oVtlXhuzw");
        assertThat(pseudonymiser.hash("citizen-7f3a")).isEqualTo("DcmINBuwFxHp4oVtlXhuzw");
    }

    record Vector(String salt, String subjectId, List<ExperimentDefinition.Variant> variants, String variant) {}

    static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(VECTORS, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("salt,subjectId,murmur3_x86_32_unsigned,bucket,variants,variant");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            List<ExperimentDefinition.Variant> variants = new ArrayList<>();
            for (String v : f[4].split("\\|")) {
                String[] kw = v.split(":");
                variants.add(new ExperimentDefinition.Variant(kw[0], Integer.parseInt(kw[1])));
            }
            out.add(new Vector(f[0], f[1], variants, f[5]));
        }
        return out;
    }

    static ExperimentDefinition experiment(String salt, List<ExperimentDefinition.Variant> variants) {
        return new ExperimentDefinition(
                "exp",
                "demo",
                ExperimentStatus.RUNNING,
                variants,
                variants.get(0).key(),
                "completion_rate",
                List.of(),
                null,
                null,
                salt,
                1);
    }

    @Test
    void whenReplayingTheSharedAssignmentVectorsThenEverySubjectGetsItsVariant() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSize(30);
        for (Vector v : vectors) {
            assertThat(VariantAssigner.assign(experiment(v.salt(), v.variants()), v.subjectId()))
                    .as("%s / %s", v.salt(), v.subjectId())
                    .isEqualTo(v.variant());
        }
    }

    @Test
    void whenAssigningManySubjectsThenSplitFollowsWeightsAndIsSticky() {
        var experiment = experiment(
                "salt",
                List.of(
                        new ExperimentDefinition.Variant("a", 20),
                        new ExperimentDefinition.Variant("b", 30),
                        new ExperimentDefinition.Variant("c", 50)));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge(VariantAssigner.assign(experiment, "s-" + i), 1, Integer::sum);
        }
        assertThat(counts.get("a") / 100_000.0).isCloseTo(0.2, within(0.01));
        assertThat(counts.get("b") / 100_000.0).isCloseTo(0.3, within(0.01));
        assertThat(counts.get("c") / 100_000.0).isCloseTo(0.5, within(0.01));
        assertThat(VariantAssigner.assign(experiment, "s-42")).isEqualTo(VariantAssigner.assign(experiment, "s-42"));
    }
}

package lab.like.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymisationAndAssignmentTest {

    @Test
    void whenHashingThenMatchesContractFormula() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] full = mac.doFinal("citizen-7f3a".getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        assertThat(new Pseudonymiser("k").hash("citizen-7f3a"))
                .isEqualTo(expected)
                .hasSize(22);
    }

    @Test
    void whenAssigningManySubjectsThenSplitFollowsWeightsAndIsSticky() {
        var experiment = new ExperimentDefinition(
                "exp",
                "demo",
                ExperimentStatus.RUNNING,
                List.of(
                        new ExperimentDefinition.Variant("a", 20),
                        new ExperimentDefinition.Variant("b", 30),
                        new ExperimentDefinition.Variant("c", 50)),
                "a",
                "completion_rate",
                List.of(),
                null,
                null,
                "salt",
                1);
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

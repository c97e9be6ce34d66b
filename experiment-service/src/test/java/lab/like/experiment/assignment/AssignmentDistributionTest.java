package lab.like.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.like.experiment.registry.domain.Variant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** The split follows the weights, and experiments never influence each other's assignments. */
class AssignmentDistributionTest {

    private static final int SUBJECTS = 100_000;

    @Test
    void whenHundredThousandSubjectsThenTheSplitMatchesTheWeights() {
        List<List<Variant>> allocations = List.of(
                variants(50, 50),
                variants(10, 90),
                variants(34, 33, 33),
                variants(5, 15, 20, 25, 35),
                variants(10, 10, 10, 10, 10, 10, 10, 10, 10, 10));
        Random random = new Random(20261127L);
        for (List<Variant> allocation : allocations) {
            String salt = Long.toHexString(random.nextLong());
            long[] observed = new long[allocation.size()];
            for (int i = 0; i < SUBJECTS; i++) {
                String variant = Assigner.variantFor(allocation, Assigner.bucket(salt, "citizen-" + i));
                observed[indexOf(allocation, variant)]++;
            }
            double[] expected =
                    allocation.stream().mapToDouble(v -> v.weight() / 100.0).toArray();
            double p = ChiSquareTest.withDefaults().test(expected, observed).getPValue();
            assertThat(p)
                    .as("chi-square p for %s, observed %s", allocation, java.util.Arrays.toString(observed))
                    .isGreaterThan(0.001);
        }
    }

    @Property(tries = 50, seed = "42")
    void whenAnotherExperimentChangesThenThisExperimentsSubjectsKeepTheirVariants(
            @ForAll("salts") String salt,
            @ForAll("salts") String otherSalt,
            @ForAll @IntRange(min = 1, max = 99) int w) {
        List<Variant> mine = variants(50, 50);
        List<String> before = assignAll(salt, mine);
        // The other experiment is created, reweighted and assigned: nothing of it enters this computation.
        assignAll(otherSalt, variants(w, 100 - w));
        assignAll(otherSalt, variants(100 - w, w));
        assertThat(assignAll(salt, mine)).isEqualTo(before);
    }

    @Property(tries = 50, seed = "7")
    void whenWeightsChangeThenOnlySubjectsInTheMovedBucketRangeChange(
            @ForAll("salts") String salt,
            @ForAll @IntRange(min = 1, max = 98) int from,
            @ForAll @IntRange(min = 1, max = 98) int to) {
        List<String> before = assignAll(salt, variants(from, 100 - from));
        List<String> after = assignAll(salt, variants(to, 100 - to));
        int low = Math.min(from, to) * 100;
        int high = Math.max(from, to) * 100;
        for (int i = 0; i < before.size(); i++) {
            int bucket = Assigner.bucket(salt, "citizen-" + i);
            if (bucket < low || bucket >= high) {
                assertThat(after.get(i)).isEqualTo(before.get(i));
            }
        }
    }

    @Provide
    Arbitrary<String> salts() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(22);
    }

    private static List<String> assignAll(String salt, List<Variant> variants) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            result.add(Assigner.variantFor(variants, Assigner.bucket(salt, "citizen-" + i)));
        }
        return result;
    }

    private static List<Variant> variants(int... weights) {
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            variants.add(new Variant("v" + i, weights[i]));
        }
        return variants;
    }

    private static int indexOf(List<Variant> variants, String key) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }
}

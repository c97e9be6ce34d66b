package lab.like.experiment.assignment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.Variant;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Deterministic, stateless assignment (CONTRACTS.md, docs/assignment.md): MurmurHash3 x86 32-bit (seed 0) of
 * the UTF-8 bytes of {@code salt + "/" + subjectId}, unsigned, mod 10000; variants in declared order own
 * consecutive ranges of {@code weight × 100} buckets.
 */
public final class Assigner {

    public static final int BUCKETS = 10_000;

    private Assigner() {}

    public static int bucket(String salt, String subjectId) {
        byte[] bytes = (salt + "/" + subjectId).getBytes(StandardCharsets.UTF_8);
        return (int) (Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes)) % BUCKETS);
    }

    public static String variantFor(List<Variant> variants, int bucket) {
        int upper = 0;
        for (Variant variant : variants) {
            upper += variant.weight() * 100;
            if (bucket < upper) {
                return variant.key();
            }
        }
        throw new IllegalArgumentException("weights do not cover bucket " + bucket);
    }

    /** The variant of {@code subjectId}; outside RUNNING every subject sees the control variant. */
    public static Assignment assign(Experiment experiment, String subjectId) {
        if (!experiment.isRunning()) {
            return new Assignment(experiment.spec().controlVariant(), false);
        }
        String variant = variantFor(experiment.spec().variants(), bucket(experiment.salt(), subjectId));
        return new Assignment(variant, true);
    }

    /** A subject's variant and whether the subject is in the running experiment. */
    public record Assignment(String variant, boolean inExperiment) {}
}

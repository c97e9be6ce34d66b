package lab.like.metrics.aggregation;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/** CONTRACTS.md assignment: MurmurHash3 x86 32 of salt/subjectId, 10000 buckets, weight x 100 per variant. */
public final class VariantAssigner {

    private VariantAssigner() {}

    public static String assign(ExperimentDefinition experiment, String subjectId) {
        byte[] bytes = (experiment.salt() + "/" + subjectId).getBytes(StandardCharsets.UTF_8);
        long bucket = Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0)) % 10_000;
        long upper = 0;
        for (var variant : experiment.variants()) {
            upper += variant.weight() * 100L;
            if (bucket < upper) {
                return variant.key();
            }
        }
        // weights sum to 100 by API rule; a malformed definition falls back to the last variant
        return experiment.variants().get(experiment.variants().size() - 1).key();
    }
}

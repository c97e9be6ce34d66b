package lab.like.experiment.assignment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lab.like.experiment.registry.domain.Variant;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Generates {@code docs/assignment-test-vectors.csv} from the implementation. Run once by hand after a
 * deliberate change: {@code java ... AssignmentVectors ../docs/assignment-test-vectors.csv}.
 * {@link AssignmentVectorsTest} checks the implementation against the committed file.
 */
public final class AssignmentVectors {

    static final String HEADER = "salt,subjectId,murmur3_x86_32_unsigned,bucket,variants,variant";
    static final Path FILE = Path.of("..", "docs", "assignment-test-vectors.csv");

    private AssignmentVectors() {}

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(target, String.join("\n", lines()) + "\n", StandardCharsets.UTF_8);
    }

    static List<String> lines() {
        List<String> salts = List.of("q3ZsV0c9b1xKp2Lm", "salt-2026", "AbCdEfGhIjKlMnOp");
        List<String> subjects = List.of(
                "citizen-7f3a",
                "citizen-0001",
                "citizen-0002",
                "business-KVK-12345678",
                "user@example.org",
                "Ærø-kommune-42",
                "市民-001",
                "a",
                "0",
                "subject with spaces");
        List<List<Variant>> allocations = List.of(
                List.of(new Variant("control", 50), new Variant("simplified", 50)),
                List.of(new Variant("a", 34), new Variant("b", 33), new Variant("c", 33)),
                List.of(new Variant("control", 10), new Variant("treatment", 90)));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int s = 0; s < salts.size(); s++) {
            for (String subject : subjects) {
                String salt = salts.get(s);
                List<Variant> variants = allocations.get(s);
                long hash = Integer.toUnsignedLong(
                        MurmurHash3.hash32x86((salt + "/" + subject).getBytes(StandardCharsets.UTF_8)));
                int bucket = Assigner.bucket(salt, subject);
                lines.add(String.join(
                        ",",
                        salt,
                        subject,
                        Long.toString(hash),
                        Integer.toString(bucket),
                        format(variants),
                        Assigner.variantFor(variants, bucket)));
            }
        }
        return lines;
    }

    static String format(List<Variant> variants) {
        return variants.stream().map(v -> v.key() + ":" + v.weight()).collect(Collectors.joining("|"));
    }

    static List<Variant> parse(String variants) {
        return Arrays.stream(variants.split("\\|"))
                .map(v -> v.split(":"))
                .map(kv -> new Variant(kv[0], Integer.parseInt(kv[1])))
                .toList();
    }
}

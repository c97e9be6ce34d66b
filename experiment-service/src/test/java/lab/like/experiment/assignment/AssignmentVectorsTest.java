package lab.like.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import lab.like.experiment.registry.domain.Variant;
import org.junit.jupiter.api.Test;

/** The published vectors (docs/assignment-test-vectors.csv) and the implementation cannot drift apart. */
class AssignmentVectorsTest {

    @Test
    void whenCommittedVectorsAreReplayedThenEveryBucketAndVariantMatches() throws IOException {
        List<String> lines = Files.readAllLines(AssignmentVectors.FILE, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(AssignmentVectors.HEADER);
        assertThat(lines).hasSizeGreaterThan(20);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            List<Variant> variants = AssignmentVectors.parse(f[4]);
            int bucket = Assigner.bucket(f[0], f[1]);
            assertThat(bucket).as(line).isEqualTo(Integer.parseInt(f[3]));
            assertThat(Long.parseLong(f[2]) % Assigner.BUCKETS).as(line).isEqualTo(bucket);
            assertThat(Assigner.variantFor(variants, bucket)).as(line).isEqualTo(f[5]);
        }
    }

    @Test
    void whenVectorsAreRegeneratedThenTheyEqualTheCommittedFile() throws IOException {
        assertThat(AssignmentVectors.lines())
                .isEqualTo(Files.readAllLines(AssignmentVectors.FILE, StandardCharsets.UTF_8));
    }
}

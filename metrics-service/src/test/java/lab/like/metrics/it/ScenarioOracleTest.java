package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The integration tests' oracle ({@link Scenario}) computes every subject's variant and pseudonym itself, for
 * thousands of generated subjects; here it is held to vectors made outside this code base, so it cannot share a
 * mistake with the service.
 */
class ScenarioOracleTest {

    @Test
    void whenReplayingTheSharedAssignmentVectorsThenTheOracleAssignsEveryOneAsListed() throws Exception {
        List<String> lines =
                Files.readAllLines(Path.of("..", "docs", "assignment-test-vectors.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("salt,subjectId,murmur3_x86_32_unsigned,bucket,variants,variant");
        int replayed = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            List<String> variants = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (String v : f[4].split("\\|")) {
                variants.add(v.split(":")[0]);
                weights.add(Integer.parseInt(v.split(":")[1]));
            }
            assertThat(new Scenario("exp", "demo", f[0], variants, weights).assign(f[1]))
                    .as("%s / %s", f[0], f[1])
                    .isEqualTo(f[5]);
            replayed++;
        }
        assertThat(replayed).isEqualTo(30);
    }

    /*
     * Made once with (SECRET = test-subject-secret):
     * python3 -c 'import hmac,hashlib,base64,sys; k,s=sys.argv[1:3]; print(base64.urlsafe_b64encode(
     *   hmac.new(k.encode(),s.encode(),hashlib.sha256).digest()[:16]).rstrip(b"=").decode())' test-subject-secret SUBJECT
     */
    @ParameterizedTest
    @CsvSource({
        "citizen-1, 1FaEZtwUtfK1BjmkGw_Ong",
        "business-KVK-12345678, znm7Yy0na1HQ57lLPxXbwQ",
        "citizen-raw-7f3a, HNaj4C8uJltuWyDAxzoW3g"
    })
    void whenHashingThenTheOracleGivesTheFixedHmacVector(String subjectId, String expected) {
        assertThat(Scenario.SECRET).isEqualTo("test-subject-secret");
        assertThat(Scenario.hash(subjectId)).isEqualTo(expected);
    }
}

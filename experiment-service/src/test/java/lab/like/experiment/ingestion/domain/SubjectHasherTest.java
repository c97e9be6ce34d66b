package lab.like.experiment.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectHasherTest {

    @Test
    void whenHashedThenMatchesTheContractVectorsComputedIndependently() {
        // Vectors computed outside Java (Python hmac/hashlib) from CONTRACTS.md's definition.
        assertThat(new SubjectHasher("likelab-development-subject-secret").hash("citizen-7f3a"))
                .isEqualTo("wLP0Y5tIwxy_h0QOVThywg");
        assertThat(new SubjectHasher("another-secret-value").hash("Ærø-42")).isEqualTo("imVQ-Ez4YiLPDdIxQek2bA");
    }

    @Test
    void whenSecretDiffersThenHashDiffersAndItNeverContainsTheSubject() {
        String a = new SubjectHasher("secret-one-0123456789").hash("citizen-1");
        String b = new SubjectHasher("secret-two-0123456789").hash("citizen-1");
        assertThat(a).hasSize(22).isNotEqualTo(b).doesNotContain("citizen");
    }
}

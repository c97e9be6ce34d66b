package lab.like.experiment.assignment;

import static lab.like.experiment.registry.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.like.experiment.registry.Fixtures;
import lab.like.experiment.registry.domain.Decision;
import lab.like.experiment.registry.domain.Experiment;
import lab.like.experiment.registry.domain.Outcome;
import lab.like.experiment.registry.domain.Variant;
import org.junit.jupiter.api.Test;

class AssignerTest {

    private static final List<Variant> SPLIT =
            List.of(new Variant("a", 10), new Variant("b", 60), new Variant("c", 30));

    @Test
    void whenBucketIsAtARangeEdgeThenTheDeclaredOrderDecides() {
        assertThat(Assigner.variantFor(SPLIT, 0)).isEqualTo("a");
        assertThat(Assigner.variantFor(SPLIT, 999)).isEqualTo("a");
        assertThat(Assigner.variantFor(SPLIT, 1000)).isEqualTo("b");
        assertThat(Assigner.variantFor(SPLIT, 6999)).isEqualTo("b");
        assertThat(Assigner.variantFor(SPLIT, 7000)).isEqualTo("c");
        assertThat(Assigner.variantFor(SPLIT, 9999)).isEqualTo("c");
    }

    @Test
    void whenTheSameSubjectAsksAgainThenTheSameVariant() {
        Experiment running = Fixtures.running();
        for (int i = 0; i < 1000; i++) {
            String subject = "citizen-" + i;
            assertThat(Assigner.assign(running, subject)).isEqualTo(Assigner.assign(running, subject));
            assertThat(Assigner.assign(running, subject).inExperiment()).isTrue();
        }
    }

    @Test
    void whenNotRunningThenControlAndNotInExperiment() {
        Experiment running = Fixtures.running();
        List<Experiment> notRunning = List.of(
                Fixtures.draft(),
                running.pause("tester", CLOCK).experiment(),
                running.complete(new Decision(Outcome.SCALE, "won"), "tester", CLOCK)
                        .experiment());
        for (Experiment e : notRunning) {
            for (int i = 0; i < 100; i++) {
                assertThat(Assigner.assign(e, "citizen-" + i)).isEqualTo(new Assigner.Assignment("control", false));
            }
        }
    }

    @Test
    void whenSubjectIdIsUnicodeThenItIsHashedAsUtf8() {
        assertThat(Assigner.bucket("salt", "Ærø")).isBetween(0, 9999);
        assertThat(Assigner.bucket("salt", "Ærø")).isNotEqualTo(Assigner.bucket("salt", "Aero"));
    }
}

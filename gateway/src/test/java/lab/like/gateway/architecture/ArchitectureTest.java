package lab.like.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package map of README.md, held: no package cycle, and the dependency direction of the map (the leaf
 * packages {@code limits}, {@code observability}, {@code problem} and {@code identity} never reach back into
 * {@code access}, which wires them into the request path). The cycle rule is also run against a fixture that
 * breaks it, so a rule that could never fail is noticed.
 */
class ArchitectureTest {

    private static final String ROOT = "lab.like.gateway";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final JavaClasses BROKEN =
            new ClassFileImporter().importPackages(ROOT + ".architecture.cyclefixture");

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles().allowEmptyShould(false);

    static final ArchRule LEAVES_DO_NOT_USE_ACCESS = noClasses()
            .that()
            .resideInAnyPackage(
                    ROOT + ".identity..", ROOT + ".limits..", ROOT + ".observability..", ROOT + ".problem..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".access..", ROOT + ".routing..", ROOT + ".apidocs..", ROOT + ".dashboard..")
            .because("access (the API guard) uses identity, limits, observability and problem, not the reverse");

    @Test
    void whenTheMainClassesAreCheckedThenNoPackageIsInACycle() {
        NO_PACKAGE_CYCLES.check(MAIN);
    }

    @Test
    void whenTheMainClassesAreCheckedThenTheDependencyDirectionHolds() {
        LEAVES_DO_NOT_USE_ACCESS.check(MAIN);
    }

    @Test
    void whenAFixtureHasACycleThenTheRuleFails() {
        assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cyclefixture.a")
                .hasMessageContaining("cyclefixture.b");
    }
}

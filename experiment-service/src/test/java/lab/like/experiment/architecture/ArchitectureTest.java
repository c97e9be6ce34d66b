package lab.like.experiment.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package structure of README.md's map, held: no package cycle (neither between single packages nor between
 * features), domain code free of frameworks, and the dependency direction adapters → application → domain.
 * Each rule is also run against a fixture that breaks it, so a rule that could never fail is noticed.
 */
class ArchitectureTest {

    private static final String ROOT = "lab.like.experiment";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final JavaClasses BROKEN =
            new ClassFileImporter().importPackages(ROOT + ".architecture.cyclefixture");

    /** Plain Java: the domain model and rules, the shared failure types and the assignment algorithm. */
    private static final String[] DOMAIN = {"..domain..", ROOT + ".failure", ROOT + ".assignment"};

    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.apache.kafka..",
        "com.mongodb..",
        "org.bson..",
        "reactor..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "io.micrometer.."
    };

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles().allowEmptyShould(false);

    static final ArchRule NO_FEATURE_CYCLES =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS)
            .because("domain code is plain Java: Spring, Kafka, MongoDB, Reactor and Jackson stay in adapters");

    static final ArchRule DOMAIN_USES_NO_ADAPTER_OR_SERVICE = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..web..",
                    "..persistence..",
                    "..messaging..",
                    ROOT + ".config..",
                    ROOT + ".identity..",
                    ROOT + ".registry",
                    ROOT + ".ingestion")
            .because("the dependency direction is adapters -> application services -> domain");

    static final ArchRule APPLICATION_USES_NO_ADAPTER = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".registry", ROOT + ".ingestion")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "..persistence..", "..messaging..")
            .because("application services reach storage and Kafka only through their own ports");

    @Test
    void whenTheMainClassesAreCheckedThenNoPackageIsInACycle() {
        NO_PACKAGE_CYCLES.check(MAIN);
        NO_FEATURE_CYCLES.check(MAIN);
    }

    @Test
    void whenTheMainClassesAreCheckedThenDomainCodeImportsNoFrameworkAndNoOuterLayer() {
        DOMAIN_IS_PLAIN_JAVA.check(MAIN);
        DOMAIN_USES_NO_ADAPTER_OR_SERVICE.check(MAIN);
        APPLICATION_USES_NO_ADAPTER.check(MAIN);
    }

    @Test
    void whenAFixtureBreaksARuleThenTheRuleFails() {
        assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cyclefixture.a")
                .hasMessageContaining("cyclefixture.b");
        assertThatThrownBy(() -> DOMAIN_IS_PLAIN_JAVA.check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Leaky")
                .hasMessageContaining("reactor.core.publisher.Mono");
    }
}

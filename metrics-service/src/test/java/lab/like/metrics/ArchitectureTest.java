package lab.like.metrics;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package map of metrics-service/README.md, held: no package cycle; the domain (counting rules, statistics
 * engine, results calculation) and the pilot and portfolio calculations are plain Java; each package uses only
 * the packages its row names. A package that is not in the map fails, so a new one has to say where it stands.
 * The rules are first shown to fail on deliberate violations (lab.like.archfixture), so a green run means
 * something.
 */
class ArchitectureTest {

    static final String ROOT = "lab.like.metrics";

    /** Plain Java: no framework, broker, database, reactive or JSON library. */
    static final List<String> DOMAIN = List.of(ROOT + ".aggregation", ROOT + ".results");

    /**
     * The pilot and portfolio calculations, plain Java like the domain; their adapters (MongoDB, the stream
     * function, Jackson, the results service, the gauges) live in the sub-packages, which this rule leaves out.
     */
    static final List<String> CALCULATIONS = List.of(ROOT + ".pilots", ROOT + ".portfolio");

    static final String[] INFRASTRUCTURE = {
        "org.springframework..",
        "org.apache.kafka..",
        "com.mongodb..",
        "org.bson..",
        "reactor..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "io.micrometer.."
    };

    /** Package (below {@link #ROOT}) → the packages of this service it may use. */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("", Set.of()); // the application class
        MAY_USE.put("aggregation", Set.of());
        MAY_USE.put("aggregation.json", Set.of("aggregation"));
        // the counting topology on Kafka Streams (its sub-packages too, should it be split)
        MAY_USE.put("aggregation.streams", Set.of("aggregation", "aggregation.json", "config"));
        MAY_USE.put("projection", Set.of("aggregation", "aggregation.json", "config"));
        MAY_USE.put("results", Set.of("aggregation"));
        MAY_USE.put("results.store", Set.of("results", "projection", "aggregation"));
        MAY_USE.put("results.service", Set.of("results", "results.store", "aggregation"));
        MAY_USE.put("results.web", Set.of("results", "results.service", "web", "aggregation"));
        MAY_USE.put("pilots", Set.of("results", "aggregation"));
        MAY_USE.put("pilots.store", Set.of("pilots", "aggregation"));
        MAY_USE.put("pilots.messaging", Set.of("pilots", "pilots.store", "aggregation"));
        MAY_USE.put("pilots.results", Set.of("pilots", "results", "results.service"));
        MAY_USE.put("portfolio", Set.of("pilots", "results", "aggregation"));
        MAY_USE.put("portfolio.store", Set.of("results"));
        MAY_USE.put(
                "portfolio.service",
                Set.of("portfolio", "portfolio.store", "pilots", "pilots.store", "pilots.results", "results"));
        MAY_USE.put("portfolio.web", Set.of("portfolio", "portfolio.service", "web"));
        MAY_USE.put("comparison", Set.of("pilots", "pilots.store", "pilots.results", "aggregation"));
        MAY_USE.put("comparison.web", Set.of("comparison", "web"));
        MAY_USE.put("identity", Set.of("web"));
        MAY_USE.put("web", Set.of("results.service"));
        MAY_USE.put("config", Set.of("aggregation"));
        MAY_USE.put("operations", Set.of());
    }

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("lab.like.archfixture");

    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule plainJava(String... packages) {
        return noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE)
                .because("the domain is plain Java, tested in milliseconds without Spring, Kafka, MongoDB, "
                        + "Reactor or Jackson");
    }

    /** Only the named class may use Kafka's internal packages (the upgrade risk stays in one place). */
    static ArchRule kafkaInternalsOnlyIn(String className) {
        return noClasses()
                .that(not(DescribedPredicate.describe(
                        className,
                        c -> c.getName().equals(className) || c.getName().startsWith(className + "$"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..internals..")
                .because("Kafka's internal classes change without notice; the one class that needs them says why");
    }

    @Test
    void theRulesFailOnDeliberateViolations() {
        assertThatThrownBy(() -> kafkaInternalsOnlyIn(ROOT + ".aggregation.streams.WriteBackStore")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("lab.like.archfixture.internals.OnStreamsInternals")
                .hasMessageContaining("WrappedStateStore");
        assertThatThrownBy(() -> noCycles("lab.like.archfixture").check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> plainJava("lab.like.archfixture.domain").check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework.stereotype.Component")
                .hasMessageContaining("reactor.core.publisher.Mono");
        assertThatThrownBy(() -> mayUseOnly(FIXTURES, "lab.like.archfixture", "cycle.a", Set.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("lab.like.archfixture.cycle.b.B");
    }

    @Test
    void whenPackagesDependOnEachOtherThenNeverInACycle() {
        noCycles(ROOT).check(SERVICE);
    }

    @Test
    void whenDomainCodeIsCompiledThenItUsesNoInfrastructure() {
        plainJava(DOMAIN.toArray(String[]::new)).check(SERVICE);
    }

    @Test
    void whenAClassUsesKafkaStreamsInternalsThenItIsTheWriteBackStore() {
        kafkaInternalsOnlyIn(ROOT + ".aggregation.streams.WriteBackStore").check(SERVICE);
    }

    @Test
    void whenPilotAndPortfolioCalculationsAreCompiledThenTheyUseNoInfrastructure() {
        // the packages themselves, not their sub-packages, where the adapters are
        plainJava(CALCULATIONS.toArray(String[]::new)).check(SERVICE);
        // and both still hold classes of their own
        CALCULATIONS.forEach(
                p -> assertThat(SERVICE.getPackage(p).getClasses()).as(p).isNotEmpty());
    }

    @Test
    void whenAPackageUsesAnotherOfTheServiceThenTheMapAllowsIt() {
        List<AssertionError> failures = new ArrayList<>();
        MAY_USE.forEach((pkg, allowed) -> {
            try {
                mayUseOnly(SERVICE, ROOT, pkg, allowed);
            } catch (AssertionError e) {
                failures.add(e);
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void whenAPackageExistsThenItIsInTheMap() {
        Set<String> packages = SERVICE.stream()
                .map(JavaClass::getPackageName)
                .map(ArchitectureTest::relative)
                .filter(p -> !p.startsWith("aggregation.streams."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(MAY_USE.keySet()).containsAll(packages);
    }

    static void mayUseOnly(JavaClasses classes, String root, String pkg, Set<String> allowed) {
        String name = pkg.isEmpty() ? root : root + "." + pkg;
        // a package name and its sub-packages for the streams topology, exactly otherwise
        boolean withSubPackages = pkg.equals("aggregation.streams");
        List<String> permitted = new ArrayList<>();
        permitted.add(withSubPackages ? name + ".." : name);
        allowed.forEach(a -> permitted.add(a.equals("aggregation.streams") ? root + "." + a + ".." : root + "." + a));
        classes()
                .that(withSubPackages ? resideInAPackage(name + "..") : resideInAPackage(name))
                .should()
                .onlyDependOnClassesThat(
                        not(resideInAPackage(root + "..")).or(resideInAnyPackage(permitted.toArray(String[]::new))))
                .allowEmptyShould(true)
                .check(classes);
    }

    static String relative(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }
}

package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object of every overlay is valid for its Kubernetes or operator schema, with no unknown field. */
class SchemaValidationTest {

    static final CrdSchemas CRDS = CrdSchemas.load(Repository.k8s().resolve("src/test/resources/crds"));

    @Test
    void everyOverlayIsFound() {
        assertThat(Overlays.names()).containsExactly("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everyObjectMatchesItsSchema(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : manifests.objects()) {
            problems(object).forEach(p -> problems.add(Manifests.describe(object) + ": " + p));
        }
        assertThat(problems).as(overlay).isEmpty();
        assertThat(manifests.objects()).as(overlay).hasSizeGreaterThan(30);
    }

    static List<String> problems(ObjectNode object) {
        Optional<List<String>> typed = KubernetesModels.validate(object);
        if (typed.isPresent()) {
            return typed.get();
        }
        return CRDS.validate(object)
                .orElse(List.of("no schema for " + object.path("apiVersion").asText() + " "
                        + object.path("kind").asText() + " (neither a Kubernetes model nor a vendored CRD)"));
    }
}

package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets: its own {@code env} entries and the keys of the ConfigMaps it takes whole
 * ({@code envFrom}). A value is known for literals and ConfigMap keys; a Secret's values are not (null).
 */
record ContainerEnv(Map<String, String> values, List<String> secretsTakenWhole) {

    static ContainerEnv of(Manifests manifests, JsonNode container) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                manifests
                        .get("ConfigMap", name)
                        .path("data")
                        .properties()
                        .forEach(e -> values.put(
                                from.path("prefix").asText() + e.getKey(),
                                e.getValue().asText()));
            }
        }
        for (JsonNode env : container.path("env")) {
            values.put(
                    env.path("name").asText(),
                    env.has("value") ? env.path("value").asText() : null);
        }
        List<String> secrets = Manifests.list(container.path("envFrom")).stream()
                .filter(f -> f.has("secretRef"))
                .map(f -> f.path("secretRef").path("name").asText())
                .toList();
        return new ContainerEnv(values, secrets);
    }

    Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String get(String name) {
        return find(name).orElseThrow(() -> new AssertionError("no value for environment variable " + name));
    }

    /** The port number a probe or Service names ({@code http}) or gives as a number. */
    static int port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return Manifests.list(container.path("ports")).stream()
                .filter(p -> port.asText().equals(p.path("name").asText()))
                .findFirst()
                .map(p -> p.path("containerPort").asInt())
                .orElseThrow(() -> new AssertionError(
                        "container " + container.path("name").asText() + " has no port named " + port.asText()));
    }
}

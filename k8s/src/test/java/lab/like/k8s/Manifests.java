package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/** The objects one overlay renders to, with the look-ups the checks need. */
record Manifests(String overlay, List<ObjectNode> objects) {

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet");

    List<ObjectNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
    }

    List<ObjectNode> workloads() {
        return objects.stream()
                .filter(o -> WORKLOAD_KINDS.contains(o.path("kind").asText()))
                .toList();
    }

    /** The Deployment or StatefulSet running the given service (its container of the same name). */
    ObjectNode workload(String service) {
        return workloads().stream()
                .filter(w -> service.equals(name(w)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no workload for " + service));
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static List<JsonNode> containers(JsonNode workload) {
        JsonNode spec = podSpec(workload);
        List<JsonNode> all = new ArrayList<>(list(spec.path("initContainers")));
        all.addAll(list(spec.path("containers")));
        return all;
    }

    static JsonNode container(JsonNode workload, String name) {
        return containers(workload).stream()
                .filter(c -> name.equals(c.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(describe(workload) + ": no container " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}

package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** k8s/required-secrets.yaml: the Secrets an operator creates by hand, with their keys. */
record RequiredSecrets(List<Entry> entries) {

    record Entry(String name, Set<String> keys, Set<String> envKeys, boolean optional) {}

    static RequiredSecrets load() {
        try {
            JsonNode root = new YAMLMapper()
                    .readTree(Repository.k8s().resolve("required-secrets.yaml").toFile());
            return new RequiredSecrets(Manifests.list(root).stream()
                    .map(e -> new Entry(
                            e.path("name").asText(),
                            strings(e.path("keys")),
                            strings(e.path("env-keys")),
                            e.path("optional").asBoolean()))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    java.util.Optional<Entry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Set<String> strings(JsonNode array) {
        return Set.copyOf(Manifests.list(array).stream().map(JsonNode::asText).toList());
    }
}

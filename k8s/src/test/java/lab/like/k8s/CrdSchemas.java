package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates custom resources against the OpenAPI v3 schemas of the operators' CRDs vendored under
 * src/test/resources/crds (their origin: crds/README.md). An API server prunes unknown fields of a structural
 * schema; strict field validation rejects them, and so does this: every object schema that lists its properties
 * and does not preserve unknown fields is closed with {@code additionalProperties: false}.
 */
final class CrdSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final Map<String, Schema> byApiVersionAndKind;

    private CrdSchemas(Map<String, Schema> byApiVersionAndKind) {
        this.byApiVersionAndKind = byApiVersionAndKind;
    }

    static CrdSchemas load(Path directory) {
        Map<String, Schema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (ObjectNode crd : Kustomize.parse(Files.readString(file))) {
                    JsonNode spec = crd.path("spec");
                    for (JsonNode version : spec.path("versions")) {
                        if (version.path("served").asBoolean()) {
                            JsonNode schema = version.path("schema")
                                    .path("openAPIV3Schema")
                                    .deepCopy();
                            close(schema);
                            String key = spec.path("group").asText() + "/"
                                    + version.path("name").asText() + " "
                                    + spec.path("names").path("kind").asText();
                            schemas.put(key, REGISTRY.getSchema(schema));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(schemas);
    }

    /** The problems of {@code object}, or empty when no vendored CRD defines its kind. */
    Optional<List<String>> validate(JsonNode object) {
        Schema schema = byApiVersionAndKind.get(
                object.path("apiVersion").asText() + " " + object.path("kind").asText());
        if (schema == null) {
            return Optional.empty();
        }
        return Optional.of(schema.validate(object).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList());
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties")
                && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            node.set("additionalProperties", BooleanNode.FALSE);
        }
        node.forEach(CrdSchemas::close);
    }
}

package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The simple-authorizer ACLs of one KafkaUser, evaluated as Kafka does (literal, prefixed, the "*" wildcard). */
record KafkaAcls(String user, List<JsonNode> acls) {

    static KafkaAcls of(JsonNode kafkaUser) {
        return new KafkaAcls(
                Manifests.name(kafkaUser),
                Manifests.list(kafkaUser.path("spec").path("authorization").path("acls")));
    }

    /** Whether an allow ACL grants {@code operation} on the resource (All implies every operation). */
    boolean allows(String resourceType, String name, String operation) {
        return acls.stream()
                .filter(acl -> !acl.path("type").asText("allow").equals("deny"))
                .filter(acl -> matches(acl.path("resource"), resourceType, name))
                .anyMatch(acl -> Manifests.list(acl.path("operations")).stream()
                        .map(JsonNode::asText)
                        .anyMatch(op -> op.equals(operation) || op.equals("All")));
    }

    boolean grantsAnywhere(String operation) {
        return acls.stream()
                .flatMap(acl -> Manifests.list(acl.path("operations")).stream())
                .map(JsonNode::asText)
                .anyMatch(op -> op.equals(operation) || op.equals("All"));
    }

    private static boolean matches(JsonNode resource, String type, String name) {
        if (!resource.path("type").asText().equals(type)) {
            return false;
        }
        if (type.equals("cluster")) {
            return true;
        }
        String pattern = resource.path("name").asText();
        return switch (resource.path("patternType").asText("literal")) {
            case "prefix" -> name.startsWith(pattern);
            default -> pattern.equals("*") || pattern.equals(name);
        };
    }
}

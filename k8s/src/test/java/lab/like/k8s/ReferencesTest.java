package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Secret and ConfigMap a manifest names exists: rendered, written by an operator (KafkaUser, MongoDB user)
 * or listed in k8s/required-secrets.yaml with the key asked for; and every listed Secret is used.
 */
class ReferencesTest {

    /** A Secret or ConfigMap named somewhere, with the key asked for (null: the whole object). */
    record Reference(String kind, String name, String key, boolean optional, String from) {}

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everyReferenceResolves(String overlay) {
        assertThat(unresolved(Overlays.rendered(overlay))).as(overlay).isEmpty();
    }

    @Test
    void aKeyNoSecretHasAndAConfigMapNotRenderedAreUnresolved() {
        Manifests prod = Overlays.rendered("prod");
        List<ObjectNode> objects =
                prod.objects().stream().map(ObjectNode::deepCopy).toList();
        Manifests broken = new Manifests("broken", objects);
        ObjectNode container =
                (ObjectNode) Manifests.container(broken.workload("experiment-service"), "experiment-service");
        ((ObjectNode) container.path("env").path(0).path("valueFrom").path("secretKeyRef"))
                .put("key", "connectionString");
        ((ObjectNode) container.path("envFrom").path(0).path("configMapRef")).put("name", "experiment-service-config");
        assertThat(unresolved(broken))
                .containsExactlyInAnyOrder(
                        "Deployment/experiment-service/experiment-service -> ConfigMap experiment-service-config",
                        "Deployment/experiment-service/experiment-service -> Secret likelab-mongodb-experiment-service key connectionString");
    }

    static List<String> unresolved(Manifests manifests) {
        Map<String, Set<String>> secrets = availableSecrets(manifests);
        Map<String, Set<String>> configMaps = new HashMap<>();
        manifests.ofKind("ConfigMap").forEach(c -> configMaps.put(Manifests.name(c), keys(c.path("data"))));
        RequiredSecrets required = RequiredSecrets.load();
        List<String> unresolved = new ArrayList<>();
        for (Reference ref : references(manifests)) {
            Map<String, Set<String>> pool = ref.kind().equals("Secret") ? secrets : configMaps;
            Set<String> available = pool.get(ref.name());
            boolean optionalAndDeclared = ref.optional()
                    && required.find(ref.name())
                            .map(RequiredSecrets.Entry::optional)
                            .orElse(false);
            if (!optionalAndDeclared && (available == null || (ref.key() != null && !available.contains(ref.key())))) {
                unresolved.add(ref.from() + " -> " + ref.kind() + " " + ref.name()
                        + (ref.key() == null ? "" : " key " + ref.key()));
            }
        }
        return unresolved;
    }

    @Test
    void everyRequiredSecretIsUsedByEveryOverlay() {
        RequiredSecrets required = RequiredSecrets.load();
        Overlays.names().forEach(overlay -> {
            Set<String> used = new HashSet<>();
            references(Overlays.rendered(overlay)).forEach(r -> used.add(r.name()));
            assertThat(used)
                    .as(overlay)
                    .containsAll(required.entries().stream()
                            .map(RequiredSecrets.Entry::name)
                            .toList());
        });
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void eachServiceConnectsToMongoDbAsItsOwnUserWithRightsOnItsOwnDatabaseOnly(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode mdb = manifests.ofKind("MongoDBCommunity").get(0);
        for (String service : List.of("experiment-service", "metrics-service")) {
            JsonNode uri =
                    Manifests.list(Manifests.container(manifests.workload(service), service)
                                    .path("env"))
                            .stream()
                            .filter(e -> e.path("name").asText().equals("MONGODB_URI"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(service + " has no MONGODB_URI"))
                            .path("valueFrom")
                            .path("secretKeyRef");
            JsonNode user = Manifests.list(mdb.path("spec").path("users")).stream()
                    .filter(u -> u.path("connectionStringSecretName")
                            .asText()
                            .equals(uri.path("name").asText()))
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError(service + "'s MONGODB_URI is no MongoDB user's connection string"));
            assertThat(user.path("name").asText()).isEqualTo(service);
            assertThat(Manifests.list(user.path("roles")))
                    .extracting(
                            r -> r.path("name").asText() + "@" + r.path("db").asText())
                    .containsExactly("readWrite@" + ServiceConfig.of(service).get("spring.mongodb.database"));
        }
        assertThat(mdb.path("spec").path("members").asInt()).isEqualTo(overlay.equals("prod") ? 3 : 1);
    }

    @Test
    void operatorsWriteTheSecretsOfTheirUsersAndAnOptionalSecretIsNotAssumed() {
        Manifests manifests = Overlays.rendered("prod");
        Map<String, Set<String>> secrets = availableSecrets(manifests);
        assertThat(secrets.get("experiment-service")).containsExactlyInAnyOrder("password", "sasl.jaas.config");
        assertThat(secrets.get("likelab-mongodb-metrics-service")).contains("connectionString.standard");
        assertThat(secrets).doesNotContainKey("likelab-gateway-oidc");
    }

    /** Secret name to keys: hand-made (required-secrets.yaml), rendered, or written by an operator. */
    static Map<String, Set<String>> availableSecrets(Manifests manifests) {
        Map<String, Set<String>> secrets = new HashMap<>();
        RequiredSecrets.load().entries().stream()
                .filter(e -> !e.optional())
                .forEach(e -> secrets.put(e.name(), e.keys()));
        manifests.ofKind("Secret").forEach(s -> secrets.put(Manifests.name(s), keys(s.path("data"))));
        // the Strimzi user operator: a Secret named after the KafkaUser
        manifests
                .ofKind("KafkaUser")
                .forEach(u -> secrets.put(Manifests.name(u), Set.of("password", "sasl.jaas.config")));
        // the MongoDB operator: one connection-string Secret per user
        for (JsonNode mdb : manifests.ofKind("MongoDBCommunity")) {
            for (JsonNode user : mdb.path("spec").path("users")) {
                String name = user.has("connectionStringSecretName")
                        ? user.path("connectionStringSecretName").asText()
                        : Manifests.name(mdb) + "-" + user.path("db").asText() + "-"
                                + user.path("name").asText();
                secrets.put(
                        name,
                        Set.of("connectionString.standard", "connectionString.standardSrv", "username", "password"));
            }
        }
        return secrets;
    }

    static List<Reference> references(Manifests manifests) {
        List<Reference> refs = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            for (JsonNode c : Manifests.containers(workload)) {
                String from =
                        Manifests.describe(workload) + "/" + c.path("name").asText();
                for (JsonNode f : c.path("envFrom")) {
                    add(refs, "Secret", f.path("secretRef"), null, from);
                    add(refs, "ConfigMap", f.path("configMapRef"), null, from);
                }
                for (JsonNode e : c.path("env")) {
                    JsonNode s = e.path("valueFrom").path("secretKeyRef");
                    add(refs, "Secret", s, s.path("key").asText(null), from);
                    JsonNode m = e.path("valueFrom").path("configMapKeyRef");
                    add(refs, "ConfigMap", m, m.path("key").asText(null), from);
                }
            }
            for (JsonNode v : Manifests.podSpec(workload).path("volumes")) {
                if (v.has("secret")) {
                    refs.add(new Reference(
                            "Secret",
                            v.path("secret").path("secretName").asText(),
                            null,
                            v.path("secret").path("optional").asBoolean(),
                            Manifests.describe(workload)));
                }
                add(refs, "ConfigMap", v.path("configMap"), null, Manifests.describe(workload));
            }
        }
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            ingress.path("spec")
                    .path("tls")
                    .forEach(t -> refs.add(new Reference(
                            "Secret", t.path("secretName").asText(), null, false, Manifests.describe(ingress))));
        }
        for (JsonNode mdb : manifests.ofKind("MongoDBCommunity")) {
            mdb.path("spec")
                    .path("users")
                    .forEach(u -> refs.add(new Reference(
                            "Secret",
                            u.path("passwordSecretRef").path("name").asText(),
                            u.path("passwordSecretRef").path("key").asText("password"),
                            false,
                            Manifests.describe(mdb))));
        }
        return refs;
    }

    private static void add(List<Reference> refs, String kind, JsonNode ref, String key, String from) {
        if (ref.has("name")) {
            refs.add(new Reference(
                    kind, ref.path("name").asText(), key, ref.path("optional").asBoolean(), from));
        }
    }

    private static Set<String> keys(JsonNode data) {
        Set<String> keys = new HashSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}

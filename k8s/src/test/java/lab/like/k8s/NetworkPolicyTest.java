package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default deny; only the gateway is reachable from outside the namespace (Prometheus aside, on management
 * ports); each service accepts only the gateway; the two services reach only Kafka, MongoDB and DNS.
 */
class NetworkPolicyTest {

    static final Set<Integer> SERVICE_EGRESS_PORTS = Set.of(53, 9092, 27017);

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everythingIsDeniedByDefault(String overlay) {
        assertThat(Overlays.rendered(overlay).ofKind("NetworkPolicy")).anySatisfy(p -> {
            assertThat(p.path("spec").path("podSelector")).isEmpty();
            assertThat(Manifests.list(p.path("spec").path("policyTypes")))
                    .extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.path("spec").has("ingress")).isFalse();
            assertThat(p.path("spec").has("egress")).isFalse();
        });
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void onlyTheGatewayIsReachableFromOutsideTheNamespace(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Set<Integer> management = Set.copyOf(Contract.MANAGEMENT_PORTS.values());
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            JsonNode labels = podLabels(manifests, service);
            for (JsonNode policy : policiesFor(manifests, labels)) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    boolean outside = !rule.has("from")
                            || Manifests.list(rule.path("from")).stream()
                                    .anyMatch(f -> f.has("namespaceSelector") || f.has("ipBlock"));
                    if (outside && !service.equals("gateway")) {
                        assertThat(ports(rule))
                                .as(
                                        "%s: %s admits outside traffic beyond the management port",
                                        service, Manifests.name(policy))
                                .isNotEmpty()
                                .isSubsetOf(management);
                    }
                    if (!outside && !service.equals("gateway")) {
                        assertThat(Manifests.list(rule.path("from")))
                                .as(service + " is called by the gateway only")
                                .allSatisfy(f -> assertThat(selects(
                                                f.path("podSelector").path("matchLabels"),
                                                podLabels(manifests, "gateway")))
                                        .isTrue());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void theServicesReachOnlyKafkaMongoDbAndDns(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : List.of("experiment-service", "metrics-service")) {
            List<JsonNode> egress = policiesFor(manifests, podLabels(manifests, service)).stream()
                    .flatMap(p -> Manifests.list(p.path("spec").path("egress")).stream())
                    .toList();
            assertThat(egress).as(service).isNotEmpty().allSatisfy(rule -> {
                assertThat(rule.has("to"))
                        .as(service + ": an egress rule without 'to' allows everything")
                        .isTrue();
                assertThat(ports(rule)).as(service).isNotEmpty().isSubsetOf(SERVICE_EGRESS_PORTS);
                assertThat(Manifests.list(rule.path("to"))).noneMatch(t -> t.has("ipBlock"));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void kafkaAdmitsTheTwoServicesOnItsScramListener(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode scram =
                Manifests.list(manifests
                                .get("Kafka", "likelab")
                                .path("spec")
                                .path("kafka")
                                .path("listeners"))
                        .stream()
                        .filter(l -> l.path("port").asInt() == 9092)
                        .findFirst()
                        .orElseThrow();
        for (String service : List.of("experiment-service", "metrics-service")) {
            assertThat(Manifests.list(scram.path("networkPolicyPeers")))
                    .anyMatch(peer ->
                            selects(peer.path("podSelector").path("matchLabels"), podLabels(manifests, service)));
        }
        assertThat(Manifests.list(scram.path("networkPolicyPeers")))
                .noneMatch(
                        peer -> selects(peer.path("podSelector").path("matchLabels"), podLabels(manifests, "gateway")));
    }

    /** Whether a matchLabels selector selects pods with these labels (an empty selector selects all). */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        return matchLabels.properties().stream()
                .allMatch(l ->
                        l.getValue().asText().equals(labels.path(l.getKey()).asText(null)));
    }

    private static List<JsonNode> policiesFor(Manifests manifests, JsonNode labels) {
        return manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> p.path("spec")
                        .path("podSelector")
                        .path("matchExpressions")
                        .isEmpty())
                .filter(p -> selects(p.path("spec").path("podSelector").path("matchLabels"), labels))
                .map(JsonNode.class::cast)
                .toList();
    }

    private static JsonNode podLabels(Manifests manifests, String service) {
        return manifests
                .workload(service)
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels");
    }

    private static Set<Integer> ports(JsonNode rule) {
        return Manifests.list(rule.path("ports")).stream()
                .map(p -> p.path("port").asInt())
                .collect(Collectors.toSet());
    }
}

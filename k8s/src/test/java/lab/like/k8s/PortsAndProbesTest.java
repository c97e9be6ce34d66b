package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Probe paths and ports, Services, the ServiceMonitor and the Ingress agree with what each service serves. */
class PortsAndProbesTest {

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void probesUseTheActuatorProbesOfTheManagementPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (var service : Contract.MANAGEMENT_PORTS.entrySet()) {
            ServiceConfig config = ServiceConfig.of(service.getKey());
            assertThat(config.get("management.endpoint.health.probes.enabled")).isEqualTo("true");
            assertThat(exposed(config)).as(service.getKey()).contains("health", "prometheus");
            String base = config.find("management.endpoints.web.base-path").orElse("/actuator");
            JsonNode container = Manifests.container(manifests.workload(service.getKey()), service.getKey());
            ContainerEnv env = ContainerEnv.of(manifests, container);
            int management = service.getValue();
            config.find("management.server.port").ifPresent(p -> assertThat(Integer.parseInt(p))
                    .as("management.server.port")
                    .isEqualTo(management));
            assertThat(env.get("MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(management));
            assertThat(ContainerEnv.port(
                            container, container.path("ports").path(1).path("name")))
                    .isEqualTo(management);
            Map<String, String> paths = Map.of(
                    "startupProbe", base + "/health/liveness",
                    "livenessProbe", base + "/health/liveness",
                    "readinessProbe", base + "/health/readiness");
            paths.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertThat(get.path("path").asText())
                        .as("%s %s %s", overlay, service.getKey(), probe)
                        .isEqualTo(path);
                assertThat(ContainerEnv.port(container, get.path("port")))
                        .as(probe)
                        .isEqualTo(management);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void publicPortsAreTheServicesServerPorts(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            JsonNode workload = manifests.workload(service);
            JsonNode container = Manifests.container(workload, service);
            String serverPort = ServiceConfig.of(service).get("server.port");
            assertThat(ContainerEnv.of(manifests, container).find("SERVER_PORT"))
                    .hasValue(serverPort);
            assertThat(ContainerEnv.port(container, new com.fasterxml.jackson.databind.node.TextNode("http")))
                    .isEqualTo(Integer.parseInt(serverPort));
            JsonNode svc = manifests.get("Service", service);
            svc.path("spec").path("selector").properties().forEach(label -> assertThat(workload.path("spec")
                            .path("template")
                            .path("metadata")
                            .path("labels")
                            .path(label.getKey())
                            .asText())
                    .as("Service %s selects the pods of %s", service, service)
                    .isEqualTo(label.getValue().asText()));
            for (JsonNode port : svc.path("spec").path("ports")) {
                assertThat(ContainerEnv.port(container, port.path("targetPort")))
                        .isEqualTo(port.path("port").asInt());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void theGatewayRoutesToTheServicesAndTheIngressToTheGateway(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        ContainerEnv gateway =
                ContainerEnv.of(manifests, Manifests.container(manifests.workload("gateway"), "gateway"));
        assertThat(gateway.get("EXPERIMENT_SERVICE_URL")).isEqualTo(url(manifests, "experiment-service"));
        assertThat(gateway.get("METRICS_SERVICE_URL")).isEqualTo(url(manifests, "metrics-service"));
        var ingresses = manifests.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        for (JsonNode path :
                ingresses.get(0).path("spec").path("rules").path(0).path("http").path("paths")) {
            JsonNode backend = path.path("backend").path("service");
            assertThat(backend.path("name").asText()).isEqualTo("gateway");
            assertThat(backend.path("port").path("name").asText()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void prometheusScrapesEveryServiceOnItsManagementPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode monitor = manifests.get("ServiceMonitor", "likelab");
        JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("management");
        assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
        var selector = monitor.path("spec").path("selector").path("matchLabels");
        long selected = manifests.ofKind("Service").stream()
                .filter(s -> selector.properties().stream().allMatch(l -> l.getValue()
                        .asText()
                        .equals(s.path("metadata")
                                .path("labels")
                                .path(l.getKey())
                                .asText())))
                .peek(s -> assertThat(Manifests.list(s.path("spec").path("ports")))
                        .anyMatch(p -> p.path("name").asText().equals("management")
                                && p.path("port").asInt() == Contract.MANAGEMENT_PORTS.get(Manifests.name(s))))
                .count();
        assertThat(selected).as("one scraped Service per service").isEqualTo(3);
    }

    private static String url(Manifests manifests, String service) {
        JsonNode port = Manifests.list(
                        manifests.get("Service", service).path("spec").path("ports"))
                .stream()
                .filter(p -> p.path("name").asText().equals("http"))
                .findFirst()
                .orElseThrow();
        return "http://" + service + ":" + port.path("port").asInt();
    }

    private static java.util.List<String> exposed(ServiceConfig config) {
        return Arrays.stream(
                        config.get("management.endpoints.web.exposure.include").split(","))
                .map(String::trim)
                .toList();
    }
}

package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No container runs as root or can gain privileges; every pod shuts down gracefully and has its probes. */
class PodSecurityTest {

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void noContainerRunsAsRootOrCanGainPrivileges(String overlay) {
        for (JsonNode workload : Overlays.rendered(overlay).workloads()) {
            JsonNode pod = Manifests.podSpec(workload);
            JsonNode podContext = pod.path("securityContext");
            assertThat(pod.path("hostNetwork").asBoolean()).isFalse();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            for (JsonNode c : Manifests.containers(workload)) {
                String what = overlay + " " + Manifests.describe(workload) + "/"
                        + c.path("name").asText();
                JsonNode ctx = c.path("securityContext");
                assertThat(ctx.path("runAsNonRoot")
                                .asBoolean(podContext.path("runAsNonRoot").asBoolean()))
                        .as(what + " runAsNonRoot")
                        .isTrue();
                assertThat(ctx.path("runAsUser")
                                .asInt(podContext.path("runAsUser").asInt(0)))
                        .as(what + " runAsUser")
                        .isPositive();
                assertThat(ctx.path("seccompProfile")
                                .path("type")
                                .asText(podContext
                                        .path("seccompProfile")
                                        .path("type")
                                        .asText()))
                        .as(what + " seccomp")
                        .isEqualTo("RuntimeDefault");
                assertThat(ctx.path("allowPrivilegeEscalation").asBoolean(true))
                        .as(what)
                        .isFalse();
                assertThat(ctx.path("privileged").asBoolean()).as(what).isFalse();
                assertThat(ctx.path("readOnlyRootFilesystem").asBoolean())
                        .as(what)
                        .isTrue();
                assertThat(Manifests.list(ctx.path("capabilities").path("drop")))
                        .as(what)
                        .extracting(JsonNode::asText)
                        .contains("ALL");
                assertThat(ctx.path("capabilities").path("add")).as(what).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everyServiceHasProbesResourcesWritableTmpAndAGracefulShutdown(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            JsonNode workload = manifests.workload(service);
            JsonNode c = Manifests.container(workload, service);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(c.has(probe)).as(service + " " + probe).isTrue();
            }
            assertThat(c.path("resources").path("requests").has("cpu"))
                    .as(service)
                    .isTrue();
            assertThat(c.path("resources").path("requests").has("memory"))
                    .as(service)
                    .isTrue();
            assertThat(c.path("resources").path("limits").has("memory"))
                    .as(service)
                    .isTrue();
            assertThat(mountedVolume(workload, c, "/tmp").has("emptyDir"))
                    .as(service + " /tmp")
                    .isTrue();
            int preStop = c.path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asInt();
            assertThat(preStop).as(service + " preStop sleep").isPositive();
            Duration shutdown =
                    Duration.parse("PT" + ServiceConfig.of(service).get("spring.lifecycle.timeout-per-shutdown-phase"));
            assertThat(ServiceConfig.of(service).get("server.shutdown")).isEqualTo("graceful");
            assertThat((long) Manifests.podSpec(workload)
                            .path("terminationGracePeriodSeconds")
                            .asInt())
                    .as(service + ": grace period covers preStop and Spring's shutdown phase")
                    .isGreaterThan(preStop + shutdown.toSeconds());
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void metricsServiceKeepsItsStreamsStateOnAVolumePerPod(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode statefulSet = manifests.get("StatefulSet", "metrics-service");
        JsonNode c = Manifests.container(statefulSet, "metrics-service");
        String stateDir = ContainerEnv.of(manifests, c).get("LIKELAB_STATE_DIR");
        String mount = Manifests.list(c.path("volumeMounts")).stream()
                .filter(m -> m.path("mountPath").asText().equals(stateDir))
                .map(m -> m.path("name").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("LIKELAB_STATE_DIR " + stateDir + " is not a mount"));
        assertThat(Manifests.list(statefulSet.path("spec").path("volumeClaimTemplates")))
                .extracting(Manifests::name)
                .contains(mount);
        assertThat(manifests
                        .get(
                                "Service",
                                statefulSet.path("spec").path("serviceName").asText())
                        .path("spec")
                        .path("clusterIP")
                        .asText())
                .isEqualTo("None");
    }

    @Test
    void theImagesRunAsThePodsUserOnAJava17Runtime() throws IOException {
        Manifests prod = Overlays.rendered("prod");
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            List<String> lines =
                    Files.readAllLines(Repository.root().resolve(service).resolve("Dockerfile"));
            String user = lines.stream()
                    .filter(l -> l.startsWith("USER "))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            int uid = Manifests.podSpec(prod.workload(service))
                    .path("securityContext")
                    .path("runAsUser")
                    .asInt();
            assertThat(user).as(service + " Dockerfile").isEqualTo("USER " + uid + ":" + uid);
            assertThat(lines.stream()
                            .filter(l -> l.startsWith("FROM "))
                            .reduce((a, b) -> b)
                            .orElseThrow())
                    .as(service + " runtime image")
                    .matches("FROM eclipse-temurin:17[^ ]*-jre[^ ]*");
        }
    }

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void autoscalersAndDisruptionBudgetsTargetRealWorkloads(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        assertThat(manifests.ofKind("HorizontalPodAutoscaler"))
                .extracting(
                        h -> h.path("spec").path("scaleTargetRef").path("name").asText())
                .containsExactlyInAnyOrder("gateway", "experiment-service");
        manifests
                .ofKind("HorizontalPodAutoscaler")
                .forEach(h -> manifests.get(
                        h.path("spec").path("scaleTargetRef").path("kind").asText(),
                        h.path("spec").path("scaleTargetRef").path("name").asText()));
        for (JsonNode pdb : manifests.ofKind("PodDisruptionBudget")) {
            JsonNode selector = pdb.path("spec").path("selector").path("matchLabels");
            boolean ours = manifests.workloads().stream()
                    .anyMatch(w -> NetworkPolicyTest.selects(
                            selector,
                            w.path("spec").path("template").path("metadata").path("labels")));
            boolean mongo = selector.path("app")
                    .asText()
                    .equals(Manifests.name(manifests.ofKind("MongoDBCommunity").get(0)) + "-svc");
            assertThat(ours || mongo)
                    .as(Manifests.describe(pdb) + " selects pods")
                    .isTrue();
        }
    }

    private static JsonNode mountedVolume(JsonNode workload, JsonNode container, String path) {
        String name = Manifests.list(container.path("volumeMounts")).stream()
                .filter(m -> m.path("mountPath").asText().equals(path))
                .map(m -> m.path("name").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.path("name").asText() + " mounts nothing at " + path));
        return Manifests.list(Manifests.podSpec(workload).path("volumes")).stream()
                .filter(v -> v.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }
}

package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every environment variable a pod gets is one its service reads (a typo would be ignored silently). */
class EnvironmentTest {

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everyEnvironmentVariableIsReadByItsService(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        RequiredSecrets secrets = RequiredSecrets.load();
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            var container = Manifests.container(manifests.workload(service), service);
            ContainerEnv env = ContainerEnv.of(manifests, container);
            Set<String> names = new TreeSet<>(env.values().keySet());
            for (String secret : env.secretsTakenWhole()) {
                RequiredSecrets.Entry entry = secrets.find(secret)
                        .orElseThrow(() -> new AssertionError(service + " takes unknown Secret " + secret + " whole"));
                assertThat(entry.envKeys())
                        .as(secret + " documents its env-keys")
                        .isNotEmpty();
                names.addAll(entry.envKeys());
            }
            Set<String> allowed = allowed(ServiceConfig.of(service));
            assertThat(names)
                    .as("%s/%s: environment names its application*.yml does not read", overlay, service)
                    .allSatisfy(name -> assertThat(allowed).contains(ServiceConfig.normalise(name)));
        }
    }

    @Test
    void pendingNamesAreNotYetReadOtherwiseDeleteThem() {
        for (var pending : Contract.PENDING.entrySet()) {
            ServiceConfig config = ServiceConfig.of(pending.getKey());
            Set<String> read = new TreeSet<>(config.environmentNames());
            read.addAll(config.relaxedEnvironmentNames());
            assertThat(pending.getValue())
                    .as("%s now reads these names: delete them from Contract.PENDING", pending.getKey())
                    .doesNotContainAnyElementsOf(read);
        }
    }

    @Test
    void aMisspelledOrForeignNameIsNotAllowed() {
        Set<String> experiment = allowed(ServiceConfig.of("experiment-service"));
        assertThat(experiment)
                .contains(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "MONGODB_URI",
                        "LIKELAB_SUBJECT_SECRET",
                        "LIKELAB_REPLICATION_FACTOR")
                .doesNotContain("KAFKA_BOOTSTRAP_SERVER", "LIKELAB_STATE_DIR", "LIKELAB_OIDC_ISSUER_URI");
        Set<String> gateway = allowed(ServiceConfig.of("gateway"));
        assertThat(gateway)
                .contains("LIKELAB_GATEWAY_AUTH_KEYS_0_ORGANISATION", "LIKELAB_GATEWAY_AUTH_KEYS_0_ROLES")
                .doesNotContain("KAFKA_SASL_JAAS_CONFIG", "MONGODB_URI");
    }

    static Set<String> allowed(ServiceConfig config) {
        Set<String> allowed = new TreeSet<>(config.relaxedEnvironmentNames());
        config.environmentNames().forEach(n -> allowed.add(ServiceConfig.normalise(n)));
        Contract.STANDARD_ENV.forEach(n -> allowed.add(ServiceConfig.normalise(n)));
        Contract.PENDING.get(config.service()).forEach(n -> allowed.add(ServiceConfig.normalise(n)));
        return allowed;
    }
}

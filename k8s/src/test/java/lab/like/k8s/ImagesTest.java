package lab.like.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service runs its own image, mapped by the overlay; prod names a registry and a release, never latest. */
class ImagesTest {

    @ParameterizedTest
    @MethodSource("lab.like.k8s.Overlays#names")
    void everyServiceRunsItsOwnImageAtAPinnedVersion(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : Contract.MANAGEMENT_PORTS.keySet()) {
            String image = Manifests.container(manifests.workload(service), service)
                    .path("image")
                    .asText();
            if (overlay.equals("prod")) {
                assertThat(image)
                        .matches("[a-z0-9.-]+(:[0-9]+)?/likelab/" + service
                                + "(:[0-9]+\\.[0-9]+\\.[0-9]+|@sha256:[0-9a-f]{64})");
            } else {
                assertThat(image).isEqualTo("likelab/" + service + ":dev");
            }
        }
    }
}

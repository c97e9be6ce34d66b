package lab.like.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void jsonIsAcceptedOnPostAndPatch() {
        assertThat(ContentTypes.accepted("POST", "application", "json")).isTrue();
        assertThat(ContentTypes.accepted("PATCH", "Application", "JSON")).isTrue();
    }

    @Test
    void mergePatchIsAcceptedOnPatchOnly() {
        assertThat(ContentTypes.accepted("PATCH", "application", "merge-patch+json"))
                .isTrue();
        assertThat(ContentTypes.accepted("POST", "application", "merge-patch+json"))
                .isFalse();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(ContentTypes.accepted("POST", null, null)).isFalse();
        assertThat(ContentTypes.accepted("POST", "text", "plain")).isFalse();
        assertThat(ContentTypes.accepted("POST", "application", "xml")).isFalse();
        assertThat(ContentTypes.accepted("POST", "application", "x-www-form-urlencoded"))
                .isFalse();
        assertThat(ContentTypes.accepted("POST", "text", "json")).isFalse();
    }
}

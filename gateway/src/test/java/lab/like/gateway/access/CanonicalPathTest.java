package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%61pi/v1/experiments",
                "/api/v1/experiments/%2e%2e/portfolio",
                "/api/v1/experiments%2Fx",
                "/api;x/v1/experiments",
                "/api/v1/experiments;jsessionid=1",
                "//api/v1/experiments",
                "/api//v1/experiments",
                "/api/v1/./experiments",
                "/api/v1/experiments/..",
                "/api/v1/experiments/../portfolio",
                "/api\\v1\\experiments",
                "api/v1/experiments",
                ""
            })
    void nonCanonicalPathsAreRefused(String rawPath) {
        assertThat(CanonicalPath.problem(rawPath)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/api/v1/experiments",
                "/api/v1/experiments/exp-1b2c/results/stream",
                "/dashboard/app.js",
                "/swagger-ui/",
                "/API/v1/experiments"
            })
    void canonicalPathsPass(String rawPath) {
        assertThat(CanonicalPath.problem(rawPath)).isNull();
    }
}

package lab.like.experiment.ingestion;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.like.experiment.ExperimentServiceApplication;
import lab.like.experiment.config.LikeLabProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class SubjectSecretPolicyTest {

    @Test
    void whenProductionUsesTheDevelopmentSecretThenRefused() {
        assertThatThrownBy(() -> SubjectSecretPolicy.check(LikeLabProperties.DEVELOPMENT_SECRET, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIKELAB_SUBJECT_SECRET");
        assertThatThrownBy(() -> SubjectSecretPolicy.check("short", true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SubjectSecretPolicy.check("", false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenDevelopmentOrARealSecretThenAccepted() {
        assertThatCode(() -> SubjectSecretPolicy.check(LikeLabProperties.DEVELOPMENT_SECRET, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> SubjectSecretPolicy.check("k7P2v9QxL0mZr4Tb8Yw1", true))
                .doesNotThrowAnyException();
    }

    @Test
    void whenTheProdProfileStartsWithTheDevelopmentSecretThenTheApplicationFailsToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ExperimentServiceApplication.class)
                        .profiles("prod")
                        .properties(
                                "server.port=0",
                                "spring.mongodb.uri=mongodb://localhost:1",
                                "spring.kafka.bootstrap-servers=localhost:1",
                                "spring.kafka.admin.fail-fast=false",
                                "spring.kafka.admin.operation-timeout=1s",
                                "spring.kafka.admin.close-timeout=1s")
                        .run())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageContaining("development subject secret");
    }
}

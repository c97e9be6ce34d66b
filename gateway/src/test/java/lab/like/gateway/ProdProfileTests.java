package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.like.gateway.access.ApiKeyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Starts (and stops) whole gateways of its own. They get private Netty resources: stopping a context that uses
 * the global ones would dispose the event loops of the other gateway contexts cached in this JVM.
 */
class ProdProfileTests {

    static final String REAL_SIGNING_KEY = "k8s-secret-internal-signing-key-0123456789";
    // sha256 of "k8s-secret-team-key"
    static final String TEAM_KEY_SHA256 = "fa1b9b6f6147a1dfc49b9397ccd19faa3e453f1cab5fa9ee7cb9a99aa96b3437";

    @Configuration(proxyBeanMethods = false)
    static class PrivateNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    @Test
    void whenProdProfileStillHasTheDevelopmentKeysThenTheGatewayRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class, PrivateNettyResources.class)
                        .profiles("prod")
                        .run(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--likelab.internal-token.signing-key=" + REAL_SIGNING_KEY)
                        .close())
                .rootCause()
                .hasMessageContaining("plain-text or development API keys");
    }

    @Test
    void whenProdProfileHasTheDevelopmentSigningKeyThenTheGatewayRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class, PrivateNettyResources.class)
                        .profiles("prod")
                        .run(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--likelab.gateway.auth.keys[0].name=t",
                                "--likelab.gateway.auth.keys[0].sha256=" + TEAM_KEY_SHA256,
                                "--likelab.gateway.auth.keys[0].organisation=utrecht",
                                "--likelab.gateway.auth.keys[0].roles=TEAM")
                        .close())
                .rootCause()
                .hasMessageContaining("refuses the development internal signing key");
    }

    @Test
    void whenProdProfileHasOnlyItsOwnKeysThenTheGatewayStartsWithExactlyThose() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        GatewayApplication.class, PrivateNettyResources.class)
                .profiles("prod")
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--likelab.internal-token.signing-key=" + REAL_SIGNING_KEY,
                        "--likelab.gateway.auth.keys[0].name=utrecht-team",
                        "--likelab.gateway.auth.keys[0].sha256=" + TEAM_KEY_SHA256,
                        "--likelab.gateway.auth.keys[0].organisation=utrecht",
                        "--likelab.gateway.auth.keys[0].roles=TEAM,ANALYST")) {
            ApiKeyRegistry registry = context.getBean(ApiKeyRegistry.class);
            assertThat(registry.size()).isEqualTo(1);
            assertThat(registry.authenticate("k8s-secret-team-key").organisation())
                    .isEqualTo("utrecht");
            assertThat(registry.authenticate("k8s-secret-team-key").name()).isEqualTo("utrecht-team");
            assertThat(registry.authenticate("dev-team-key")).isNull();
        }
    }
}

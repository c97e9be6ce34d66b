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
                        .run("--server.port=0")
                        .close())
                .rootCause()
                .hasMessageContaining("development API keys (dev-*)");
    }

    @Test
    void whenProdProfileHasOnlyItsOwnKeysThenTheGatewayStartsWithExactlyThose() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        GatewayApplication.class, PrivateNettyResources.class)
                .profiles("prod")
                .run(
                        "--server.port=0",
                        "--likelab.gateway.auth.keys[0].name=utrecht-team",
                        "--likelab.gateway.auth.keys[0].key=k8s-secret-team-key",
                        "--likelab.gateway.auth.keys[0].organisation=utrecht",
                        "--likelab.gateway.auth.keys[0].roles=TEAM,ANALYST")) {
            ApiKeyRegistry registry = context.getBean(ApiKeyRegistry.class);
            assertThat(registry.size()).isEqualTo(1);
            assertThat(registry.authenticate("Bearer k8s-secret-team-key").organisation())
                    .isEqualTo("utrecht");
            assertThat(registry.authenticate("Bearer dev-team-key")).isNull();
        }
    }
}

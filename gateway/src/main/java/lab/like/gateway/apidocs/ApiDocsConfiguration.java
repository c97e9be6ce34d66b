package lab.like.gateway.apidocs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API is described once, by hand, in {@code openapi/likelab-api.yaml}, and springdoc serves it at
 * {@code /v3/api-docs} with the gateway's own URL as its server. Hand-written rather than merged from the
 * services' generated documents because the public contract is the gateway's (API.md): its paths, its error
 * statuses (401/403/413/415/429 never reach a service), its security schemes; and the services' documents
 * would carry their internal identity header and port. {@code ApiDocsRoutesTest} keeps it in step with the
 * access table, and the end-to-end test calls every documented operation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsConfiguration {

    static final String OIDC_SCHEME = "oidc";

    @Bean
    OpenAPI publicApi(ApiDocsProperties properties) {
        OpenAPI api = read(properties);
        String issuer = properties.oidcIssuerUri();
        if (issuer != null && !issuer.isBlank()) {
            SecurityScheme oidc = api.getComponents().getSecuritySchemes().get(OIDC_SCHEME);
            oidc.setType(SecurityScheme.Type.OPENIDCONNECT);
            oidc.setScheme(null);
            oidc.setBearerFormat(null);
            oidc.setOpenIdConnectUrl(discovery(issuer));
        }
        return api;
    }

    static String discovery(String issuer) {
        return issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }

    private static OpenAPI read(ApiDocsProperties properties) {
        try (InputStream in = properties.document().getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + properties.document(), e);
        }
    }
}

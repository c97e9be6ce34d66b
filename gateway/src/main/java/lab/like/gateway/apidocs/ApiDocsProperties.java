package lab.like.gateway.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the public API's OpenAPI document is, and the OIDC issuer whose discovery document the {@code oidc}
 * security scheme names (blank: the scheme stays a plain bearer JWT).
 */
@ConfigurationProperties("likelab.gateway.api-docs")
record ApiDocsProperties(Resource document, String oidcIssuerUri) {}

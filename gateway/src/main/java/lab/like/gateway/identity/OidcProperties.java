package lab.like.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OIDC access tokens at the gateway ({@code likelab.gateway.oidc.*}); off while {@code issuer-uri} is blank.
 *
 * @param issuerUri the {@code iss} every token must carry ({@code LIKELAB_OIDC_ISSUER_URI})
 * @param jwkSetUri where the issuer's signing keys are ({@code LIKELAB_OIDC_JWK_SET_URI})
 * @param audience an {@code aud} every token must contain ({@code LIKELAB_OIDC_AUDIENCE}); blank: not checked
 * @param organisationClaim the claim naming the organisation ({@code LIKELAB_OIDC_ORGANISATION_CLAIM})
 * @param rolesClaim the claim listing the roles ({@code LIKELAB_OIDC_ROLES_CLAIM})
 */
@ConfigurationProperties("likelab.gateway.oidc")
public record OidcProperties(
        String issuerUri, String jwkSetUri, String audience, String organisationClaim, String rolesClaim) {

    public OidcProperties {
        if (enabled(issuerUri) && (jwkSetUri == null || jwkSetUri.isBlank())) {
            throw new IllegalArgumentException("likelab.gateway.oidc.jwk-set-uri (LIKELAB_OIDC_JWK_SET_URI) is "
                    + "required when the issuer is set");
        }
        if (organisationClaim == null || organisationClaim.isBlank() || rolesClaim == null || rolesClaim.isBlank()) {
            throw new IllegalArgumentException("likelab.gateway.oidc organisation-claim and roles-claim are required");
        }
    }

    public boolean enabled() {
        return enabled(issuerUri);
    }

    private static boolean enabled(String issuer) {
        return issuer != null && !issuer.isBlank();
    }
}

package lab.like.gateway.access;

import lab.like.gateway.identity.Caller;
import lab.like.gateway.identity.OidcAuthenticator;
import reactor.core.publisher.Mono;

/**
 * Finds the caller of an {@code Authorization} header: an API key first (a digest lookup), then, when OIDC is
 * configured and the credential has the shape of a JWT, an OIDC access token. Empty: no valid credential.
 */
final class Authenticator {

    private static final String BEARER = "Bearer ";

    private final ApiKeyRegistry keys;
    private final OidcAuthenticator oidc;

    /** @param oidc {@code null} when OIDC is off */
    Authenticator(ApiKeyRegistry keys, OidcAuthenticator oidc) {
        this.keys = keys;
        this.oidc = oidc;
    }

    Mono<Caller> authenticate(String authorization) {
        String credential = bearer(authorization);
        if (credential == null) {
            return Mono.empty();
        }
        Caller caller = keys.authenticate(credential);
        if (caller != null) {
            return Mono.just(caller);
        }
        return oidc != null && looksLikeJwt(credential) ? oidc.authenticate(credential) : Mono.empty();
    }

    static String bearer(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String credential = authorization.substring(BEARER.length()).trim();
        return credential.isEmpty() ? null : credential;
    }

    private static boolean looksLikeJwt(String credential) {
        int first = credential.indexOf('.');
        return first > 0 && credential.indexOf('.', first + 1) > first + 1;
    }
}

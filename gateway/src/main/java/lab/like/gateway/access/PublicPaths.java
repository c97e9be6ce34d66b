package lab.like.gateway.access;

import java.util.List;
import java.util.Set;

/**
 * What anyone may read without a key (API.md): the dashboard page and its assets, the health probes, the API
 * documents and Swagger UI. GET and HEAD only; everything else outside {@code /api/} is a 404.
 */
final class PublicPaths {

    private static final Set<String> EXACT = Set.of(
            "/",
            "/index.html",
            "/favicon.ico",
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/v3/api-docs",
            "/v3/api-docs.yaml",
            "/swagger-ui.html");
    private static final List<String> PREFIXES =
            List.of("/dashboard/", "/assets/", "/webjars/", "/v3/api-docs/", "/swagger-ui/");
    // a dashboard asset at the root, e.g. /dashboard.js
    private static final java.util.regex.Pattern ROOT_ASSET =
            java.util.regex.Pattern.compile("/[a-z0-9][a-z0-9.-]*\\.(js|css|png|svg|ico|woff2?)");
    private static final List<String> NOT_DASHBOARD = List.of("/actuator/", "/v3/api-docs", "/swagger-ui");

    private PublicPaths() {}

    static boolean allows(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        return EXACT.contains(path)
                || PREFIXES.stream().anyMatch(path::startsWith)
                || ROOT_ASSET.matcher(path).matches();
    }

    /** Whether a public path belongs to the dashboard (its responses carry the dashboard's CSP). */
    static boolean isDashboard(String path) {
        return NOT_DASHBOARD.stream().noneMatch(path::startsWith);
    }
}

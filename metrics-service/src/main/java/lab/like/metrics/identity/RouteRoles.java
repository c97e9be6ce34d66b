package lab.like.metrics.identity;

import java.util.Set;

/**
 * The role table of API.md for this service's operations (results, portfolio, cross-city comparisons: read
 * only), checked again here after the gateway. {@code null} for a path this table does not know: the framework
 * answers it (404).
 */
final class RouteRoles {

    private static final Set<String> READ = Set.of("TEAM", "ANALYST", "ADMIN");

    private RouteRoles() {}

    static Set<String> allowed(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (!read) {
            return null;
        }
        if (path.equals("/api/v1/portfolio") || path.startsWith("/api/v1/services/")) {
            return READ;
        }
        return path.startsWith("/api/v1/experiments/") && path.contains("/results") ? READ : null;
    }
}

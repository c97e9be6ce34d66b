package lab.like.experiment.identity;

import java.util.Set;

/**
 * The role table of API.md for this service's operations, checked again here after the gateway (defence in
 * depth). {@link #allowed} is {@code null} for a path this table does not know: the framework answers it (404).
 */
final class RouteRoles {

    static final String PREFIX = "/api/v1/";
    private static final Set<String> WRITE = Set.of("TEAM", "ADMIN");
    private static final Set<String> READ = Set.of("TEAM", "ANALYST", "ADMIN");
    private static final Set<String> EMIT = Set.of("TEAM", "EMITTER", "ADMIN");
    private static final Set<String> TRANSITIONS = Set.of("start", "pause", "complete", "archive");

    private RouteRoles() {}

    static Set<String> allowed(String method, String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        int n = segments.length;
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (segments[0].equals("events")) {
            return n == 1 && method.equals("POST") ? EMIT : null;
        }
        if (!segments[0].equals("experiments")) {
            return null;
        }
        if (read) {
            return n <= 3 ? READ : null;
        }
        if (method.equals("POST")) {
            if (n == 1) {
                return WRITE;
            }
            if (n == 3 && TRANSITIONS.contains(segments[2])) {
                return WRITE;
            }
            return n == 3 && segments[2].equals("assignments") ? EMIT : null;
        }
        return method.equals("PATCH") && n == 2 ? WRITE : null;
    }
}

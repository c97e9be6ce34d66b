package lab.like.gateway.access;

import static lab.like.gateway.identity.Role.ADMIN;
import static lab.like.gateway.identity.Role.ANALYST;
import static lab.like.gateway.identity.Role.EMITTER;
import static lab.like.gateway.identity.Role.TEAM;

import java.util.List;
import java.util.Set;

/**
 * The role table of API.md as one explicit piece of plain Java: which roles may call which operation.
 *
 * <p>{@link #match} returns {@code null} for a method and path that no operation of the public API has; the
 * gateway answers those with 404 without forwarding them.
 */
public final class AccessPolicy {

    static final String PREFIX = "/api/v1/";

    public static final AccessRule EXPERIMENTS_CREATE = AccessRule.of("experiments.create", TEAM, ADMIN);
    public static final AccessRule EXPERIMENTS_UPDATE = AccessRule.of("experiments.update", TEAM, ADMIN);
    public static final AccessRule EXPERIMENTS_LIFECYCLE = AccessRule.of("experiments.lifecycle", TEAM, ADMIN);
    public static final AccessRule EXPERIMENTS_LIST = AccessRule.of("experiments.list", TEAM, ANALYST, ADMIN);
    public static final AccessRule EXPERIMENTS_READ = AccessRule.of("experiments.read", TEAM, ANALYST, ADMIN);
    public static final AccessRule RESULTS = AccessRule.of("results", TEAM, ANALYST, ADMIN);
    public static final AccessRule PORTFOLIO = AccessRule.of("portfolio", TEAM, ANALYST, ADMIN);
    public static final AccessRule SERVICES = AccessRule.of("services", TEAM, ANALYST, ADMIN);
    public static final AccessRule ASSIGNMENTS = AccessRule.of("assignments", TEAM, EMITTER, ADMIN);
    public static final AccessRule EVENTS = AccessRule.of("events", TEAM, EMITTER, ADMIN);

    private static final Set<String> TRANSITIONS = Set.of("start", "pause", "complete", "archive");

    public List<AccessRule> rules() {
        return List.of(
                EXPERIMENTS_CREATE,
                EXPERIMENTS_UPDATE,
                EXPERIMENTS_LIFECYCLE,
                EXPERIMENTS_LIST,
                EXPERIMENTS_READ,
                RESULTS,
                PORTFOLIO,
                SERVICES,
                ASSIGNMENTS,
                EVENTS);
    }

    /**
     * The operation a request calls, or {@code null} when the public API has no such operation: deny by default,
     * every path shape is listed here exactly (case-sensitive, one segment per identifier).
     */
    public AccessRule match(String method, String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        int n = segments.length;
        return switch (segments[0]) {
            case "experiments" -> experiments(method, read, segments);
            case "events" -> n == 1 && method.equals("POST") ? EVENTS : null;
            case "portfolio" -> n == 1 && read ? PORTFOLIO : null;
            case "services" -> n == 3 && read && segments[2].equals("comparison") ? SERVICES : null;
            default -> null;
        };
    }

    /** The methods {@link #match} knows for a path, for {@code Allow} (OPTIONS); empty for an unknown path. */
    public List<String> allowedMethods(String path) {
        return METHODS.stream().filter(m -> match(m, path) != null).toList();
    }

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PATCH");
    private static final Set<String> RESULT_VIEWS = Set.of("daily", "stream");

    /** Whether the request opens a Server-Sent Events stream (capped per caller). */
    public static boolean isStream(String path) {
        return path.startsWith(PREFIX + "experiments/") && path.endsWith("/results/stream");
    }

    private static AccessRule experiments(String method, boolean read, String[] segments) {
        int n = segments.length;
        if (read) {
            return switch (n) {
                case 1 -> EXPERIMENTS_LIST;
                case 2 -> EXPERIMENTS_READ;
                case 3 ->
                    segments[2].equals("results") ? RESULTS : segments[2].equals("history") ? EXPERIMENTS_READ : null;
                case 4 -> segments[2].equals("results") && RESULT_VIEWS.contains(segments[3]) ? RESULTS : null;
                default -> null;
            };
        }
        if (method.equals("POST")) {
            if (n == 1) {
                return EXPERIMENTS_CREATE;
            }
            if (n == 3 && TRANSITIONS.contains(segments[2])) {
                return EXPERIMENTS_LIFECYCLE;
            }
            return n == 3 && segments[2].equals("assignments") ? ASSIGNMENTS : null;
        }
        return method.equals("PATCH") && n == 2 ? EXPERIMENTS_UPDATE : null;
    }
}

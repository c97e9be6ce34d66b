package lab.like.gateway.access;

/**
 * Refuses request paths that are not in canonical form (API.md): a percent escape, a {@code ;} parameter, an
 * empty segment ({@code //}), a {@code .} or {@code ..} segment, a backslash or a control character. Such a path
 * could be read differently by the gateway and by a service, so it is never routed. Case is not normalised:
 * {@code /API/...} simply matches no rule (404).
 */
final class CanonicalPath {

    private CanonicalPath() {}

    /** Why {@code rawPath} (as received, not decoded) is refused, or {@code null} when it is canonical. */
    static String problem(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "The path must start with '/'.";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                return "The path must not contain percent escapes.";
            }
            if (c == ';') {
                return "The path must not contain ';' parameters.";
            }
            if (c == '\\' || c < 0x21 || c > 0x7e) {
                return "The path contains a character that is not allowed.";
            }
        }
        if (rawPath.length() > 1) {
            String[] segments = rawPath.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                boolean trailingSlash = i == segments.length - 1 && segment.isEmpty();
                if ((segment.isEmpty() && !trailingSlash) || segment.equals(".") || segment.equals("..")) {
                    return "The path must not contain empty, '.' or '..' segments.";
                }
            }
        }
        return null;
    }
}

package lab.like.experiment.registry.web;

/** Reads {@code If-Match: "<version>"}; {@code *} or no header means no precondition. */
final class IfMatch {

    private IfMatch() {}

    /** The expected version, null for none; an unparseable tag can never match, so it is -1 (a 412). */
    static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}

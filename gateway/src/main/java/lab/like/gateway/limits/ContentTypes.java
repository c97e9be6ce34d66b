package lab.like.gateway.limits;

/** Which body content types the public API accepts: JSON, and JSON merge patch on PATCH. */
public final class ContentTypes {

    private ContentTypes() {}

    /**
     * @param method the HTTP method
     * @param type the media type's type ({@code application}), or null when the request names none
     * @param subtype the media type's subtype ({@code json})
     */
    public static boolean accepted(String method, String type, String subtype) {
        if (type == null || !type.equalsIgnoreCase("application")) {
            return false;
        }
        return subtype.equalsIgnoreCase("json")
                || (method.equals("PATCH") && subtype.equalsIgnoreCase("merge-patch+json"));
    }
}

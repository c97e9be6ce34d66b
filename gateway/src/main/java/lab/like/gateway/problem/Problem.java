package lab.like.gateway.problem;

/** The problems the gateway answers itself, with the stable slugs of CONTRACTS.md. */
public enum Problem {
    BAD_PATH(400, "non-canonical-path", "Bad Request", "The request path is not in canonical form."),
    UNAUTHORIZED(
            401,
            "unauthorized",
            "Unauthorized",
            "A valid API key or OIDC access token is required: Authorization: Bearer <credential>."),
    FORBIDDEN(403, "forbidden", "Forbidden", "The API key's roles do not allow this operation."),
    NOT_FOUND(404, "not-found", "Not Found", "No such resource."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload Too Large", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(
            415, "unsupported-media-type", "Unsupported Media Type", "The request body must be application/json."),
    RATE_LIMITED(429, "rate-limited", "Too Many Requests", "Rate limit for this API key exceeded; retry later."),
    TOO_MANY_STREAMS(
            429,
            "too-many-streams",
            "Too Many Requests",
            "This caller already holds the maximum number of open event streams; close one or retry later."),
    INTERNAL(500, "internal", "Internal Server Error", "The gateway failed to handle the request."),
    UNAVAILABLE(503, "unavailable", "Service Unavailable", "The service behind this path is unavailable."),
    TIMEOUT(504, "unavailable", "Gateway Timeout", "The service behind this path did not answer in time.");

    private final int status;
    private final String type;
    private final String title;
    private final String defaultDetail;

    Problem(int status, String slug, String title, String defaultDetail) {
        this.status = status;
        this.type = "urn:likelab:problem:" + slug;
        this.title = title;
        this.defaultDetail = defaultDetail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String defaultDetail() {
        return defaultDetail;
    }
}

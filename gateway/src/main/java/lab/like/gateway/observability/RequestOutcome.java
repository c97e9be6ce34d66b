package lab.like.gateway.observability;

import java.util.Locale;

/** What the gateway did with an API request. */
public enum RequestOutcome {
    FORWARDED,
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    RATE_LIMITED,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE;

    final String tag = name().toLowerCase(Locale.ROOT);
}

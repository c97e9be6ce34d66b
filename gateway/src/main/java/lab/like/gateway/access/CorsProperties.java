package lab.like.gateway.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access to the API ({@code likelab.gateway.cors.*}): off while {@code allowed-origins} is empty,
 * the default (the dashboard is served from the gateway's own origin and needs none).
 *
 * @param allowedOrigins exact origins allowed to call the API from a browser
 *     ({@code LIKELAB_GATEWAY_CORS_ALLOWED_ORIGINS=https://a.example,https://b.example})
 */
@ConfigurationProperties("likelab.gateway.cors")
record CorsProperties(List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("likelab.gateway.cors.allowed-origins must name origins, not '*'");
        }
    }
}

package lab.like.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request limits ({@code likelab.gateway.limits.*}; defaults in application.yml).
 *
 * @param maxBodySize largest accepted request body (a 1000-event batch is about 300 KB)
 * @param ratePerSecond sustained requests per second per API key (or OIDC subject)
 * @param burst requests an idle key may send at once
 * @param anonymousRatePerSecond sustained requests per second per client address without a valid credential
 * @param anonymousBurst requests such an address may send at once
 * @param streamsPerKey event streams ({@code /results/stream}) one key may hold open at once (API.md: 20)
 */
@ConfigurationProperties("likelab.gateway.limits")
public record LimitsProperties(
        DataSize maxBodySize,
        double ratePerSecond,
        int burst,
        double anonymousRatePerSecond,
        int anonymousBurst,
        int streamsPerKey) {

    public LimitsProperties {
        if (maxBodySize == null
                || maxBodySize.toBytes() < 1
                || !(ratePerSecond > 0)
                || burst < 1
                || !(anonymousRatePerSecond > 0)
                || anonymousBurst < 1
                || streamsPerKey < 1) {
            throw new IllegalArgumentException("likelab.gateway.limits.* must all be positive");
        }
    }
}

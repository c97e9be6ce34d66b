package lab.like.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits ({@code likelab.gateway.limits.*}).
 *
 * @param maxBodySize largest accepted request body (a 1000-event batch is about 300 KB)
 * @param ratePerSecond sustained requests per second per API key
 * @param burst requests an idle key may send at once
 */
@ConfigurationProperties("likelab.gateway.limits")
public record LimitsProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10000") double ratePerSecond,
        @DefaultValue("20000") int burst) {

    public LimitsProperties {
        if (maxBodySize.toBytes() < 1 || !(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("max-body-size, rate-per-second and burst must be positive");
        }
    }
}

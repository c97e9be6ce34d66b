package lab.like.metrics.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretGuardTest {

    static MetricsProperties withSecret(String secret) {
        return new MetricsProperties(
                "k:9092",
                secret,
                "dir",
                "app",
                Duration.ofMillis(300),
                Duration.ofMillis(250),
                Duration.ofDays(31),
                Duration.ofHours(1),
                50_000,
                Duration.ofSeconds(30),
                -1,
                1,
                1,
                new MetricsProperties.Topics("u", "e", "d", "a", 3, "u", List.of()),
                new MetricsProperties.Writer("w", Duration.ofMillis(500), 10, Duration.ofSeconds(5), Map.of()),
                Map.of(),
                new KafkaSecurity("PLAINTEXT", "SCRAM-SHA-512", ""));
    }

    @Test
    void whenProdRunsWithTheDevelopmentSecretThenItRefusesToStart() {
        assertThatThrownBy(
                        () -> new ProductionSecretGuard(withSecret(MetricsProperties.DEV_SECRET)).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ProductionSecretGuard(withSecret(" ")).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenProdHasItsOwnSecretThenItStarts() {
        assertThatCode(() -> new ProductionSecretGuard(withSecret("a-real-secret")).afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}

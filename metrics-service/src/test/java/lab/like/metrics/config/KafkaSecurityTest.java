package lab.like.metrics.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void whenPlaintextThenOnlyTheProtocolIsSet() {
        assertThat(new KafkaSecurity("PLAINTEXT", "SCRAM-SHA-512", "").clientProperties())
                .isEqualTo(Map.of("security.protocol", "PLAINTEXT"));
    }

    @Test
    void whenSaslThenTheMechanismAndTheJaasConfigurationAreSet() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"m\" password=\"p\";";
        assertThat(new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", jaas).clientProperties())
                .isEqualTo(Map.of(
                        "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", jaas));
        assertThat(new KafkaSecurity("SASL_PLAINTEXT", "PLAIN", " ").clientProperties())
                .doesNotContainKey("sasl.jaas.config");
    }
}

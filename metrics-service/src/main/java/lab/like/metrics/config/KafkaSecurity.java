package lab.like.metrics.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka client security (COMMON decision 5: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}). Both binders get it through their {@code configuration} in application.yml;
 * the clients this service makes itself (the topic provisioner's admin client) through {@link #clientProperties}.
 */
public record KafkaSecurity(String protocol, String saslMechanism, String saslJaasConfig) {

    /** The client settings; the SASL ones only under a SASL protocol. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> config = new HashMap<>();
        config.put("security.protocol", protocol);
        if (protocol.startsWith("SASL")) {
            config.put("sasl.mechanism", saslMechanism);
            if (!saslJaasConfig.isBlank()) config.put("sasl.jaas.config", saslJaasConfig);
        }
        return config;
    }
}

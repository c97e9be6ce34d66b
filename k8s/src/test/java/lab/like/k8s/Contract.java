package lab.like.k8s;

import java.util.Map;
import java.util.Set;

/** Contract values the manifests must agree with (COMMON contract decisions, docs/CONTRACTS.md). */
final class Contract {

    private Contract() {}

    /** The three services and their management ports (MANAGEMENT_SERVER_PORT defaults). */
    static final Map<String, Integer> MANAGEMENT_PORTS =
            Map.of("gateway", 9080, "experiment-service", 9081, "metrics-service", 9082);

    /** Environment names Spring Boot or the JVM read without a placeholder in application.yml. */
    static final Set<String> STANDARD_ENV =
            Set.of("SPRING_PROFILES_ACTIVE", "SERVER_PORT", "MANAGEMENT_SERVER_PORT", "JAVA_TOOL_OPTIONS");

    /**
     * PENDING: environment names fixed by the contract decisions but read by code on other branches (the trust
     * work: internal identity, gateway API key hashes, OIDC, Kafka client security). They are not in the
     * services' application.yml on this branch yet. Delete each entry once the merged application.yml reads it
     * (EnvironmentTest fails for a pending name a service already reads, to say so).
     */
    static final Map<String, Set<String>> PENDING = Map.of(
            "gateway",
            Set.of(
                    "LIKELAB_INTERNAL_SIGNING_KEY",
                    "LIKELAB_GATEWAY_AUTH_KEYS_0_NAME",
                    "LIKELAB_GATEWAY_AUTH_KEYS_0_SHA256",
                    "LIKELAB_OIDC_ISSUER_URI",
                    "LIKELAB_OIDC_JWK_SET_URI",
                    "LIKELAB_OIDC_AUDIENCE",
                    "LIKELAB_OIDC_ORGANISATION_CLAIM",
                    "LIKELAB_OIDC_ROLES_CLAIM"),
            "experiment-service",
            Set.of(
                    "LIKELAB_INTERNAL_SIGNING_KEY",
                    "KAFKA_SECURITY_PROTOCOL",
                    "KAFKA_SASL_MECHANISM",
                    "KAFKA_SASL_JAAS_CONFIG"),
            "metrics-service",
            Set.of(
                    "LIKELAB_INTERNAL_SIGNING_KEY",
                    "KAFKA_SECURITY_PROTOCOL",
                    "KAFKA_SASL_MECHANISM",
                    "KAFKA_SASL_JAAS_CONFIG"));
}

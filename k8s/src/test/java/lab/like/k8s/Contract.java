package lab.like.k8s;

import java.util.Map;
import java.util.Set;

/** Contract values the manifests must agree with (COMMON contract decisions, docs/CONTRACTS.md). */
final class Contract {

    private Contract() {}

    /** The three services and their management ports (MANAGEMENT_SERVER_PORT defaults). */
    static final Map<String, Integer> MANAGEMENT_PORTS =
            Map.of("gateway", 9080, "experiment-service", 9081, "metrics-service", 9082);

    /**
     * Environment names Spring Boot or the JVM read without a placeholder in application.yml; the gateway's
     * {@code likelab.gateway.auth.keys[i].sha256} is bound from the environment by relaxed binding
     * (AccessProperties), while its application.yml lists only plain development keys.
     */
    static final Set<String> STANDARD_ENV = Set.of(
            "SPRING_PROFILES_ACTIVE",
            "SERVER_PORT",
            "MANAGEMENT_SERVER_PORT",
            "JAVA_TOOL_OPTIONS",
            "LIKELAB_GATEWAY_AUTH_KEYS_0_SHA256");

    /**
     * PENDING: environment names a manifest may set before any service reads them (a contract agreed ahead of its
     * code). Empty: every name the manifests set is read. EnvironmentTest fails for a pending name a service
     * already reads, so the list never outlives its reason.
     */
    static final Map<String, Set<String>> PENDING =
            Map.of("gateway", Set.of(), "experiment-service", Set.of(), "metrics-service", Set.of());
}

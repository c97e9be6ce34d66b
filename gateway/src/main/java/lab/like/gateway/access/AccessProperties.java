package lab.like.gateway.access;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import lab.like.gateway.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API keys the gateway accepts ({@code likelab.gateway.auth.*}).
 *
 * @param keys every accepted key with its name, organisation and roles
 * @param rejectDevelopmentKeys true in the {@code prod} profile: refuse to start while any key is configured in
 *     plain text ({@code key}) or any development key ({@code dev-*}) is configured, even as a hash
 */
@ConfigurationProperties("likelab.gateway.auth")
public record AccessProperties(List<KeyEntry> keys, boolean rejectDevelopmentKeys) {

    static final String DEVELOPMENT_KEY_PREFIX = "dev-";
    static final List<String> DEVELOPMENT_KEYS =
            List.of("dev-admin-key", "dev-team-key", "dev-emitter-key", "dev-analyst-key", "dev-other-team-key");

    public AccessProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
        Set<String> digests = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> developmentDigests = new HashSet<>();
        DEVELOPMENT_KEYS.forEach(key -> developmentDigests.add(KeyDigests.hex(key)));
        for (KeyEntry entry : keys) {
            if (!digests.add(entry.sha256()) || !names.add(entry.name())) {
                throw new IllegalArgumentException("an API key or key name is configured twice");
            }
            if (rejectDevelopmentKeys && (entry.plain() || developmentDigests.contains(entry.sha256()))) {
                throw new IllegalArgumentException("plain-text or development API keys are configured, but this "
                        + "profile (likelab.gateway.auth.reject-development-keys=true) refuses them: configure "
                        + "real keys by their sha256 (LIKELAB_GATEWAY_AUTH_KEYS_0_SHA256)");
            }
        }
    }

    /**
     * One API key: its name (the caller's name in the internal token, never the key), either its SHA-256 as hex
     * ({@code sha256}, production) or the key itself ({@code key}, development only), the organisation it belongs
     * to ({@code *} for platform admins) and its roles.
     */
    public record KeyEntry(String name, String key, String sha256, String organisation, List<Role> roles) {

        public KeyEntry {
            boolean hasKey = key != null && !key.isBlank();
            boolean hasHash = sha256 != null && !sha256.isBlank();
            if (name == null || name.isBlank() || organisation == null || organisation.isBlank()) {
                throw new IllegalArgumentException("every API key needs a non-blank name and organisation");
            }
            if (hasKey == hasHash) {
                throw new IllegalArgumentException("API key '" + name + "' needs exactly one of key and sha256");
            }
            if (hasHash && !sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("API key '" + name + "': sha256 must be 64 hex digits");
            }
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("every API key needs at least one role");
            }
            roles = List.copyOf(roles);
            sha256 = hasHash ? sha256.toLowerCase(java.util.Locale.ROOT) : KeyDigests.hex(key);
            key = hasKey ? key : null;
        }

        boolean plain() {
            return key != null;
        }

        byte[] digest() {
            return HexFormat.of().parseHex(sha256);
        }
    }
}

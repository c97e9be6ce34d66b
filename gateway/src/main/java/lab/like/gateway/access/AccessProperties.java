package lab.like.gateway.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API keys the gateway accepts ({@code likelab.gateway.auth.*}).
 *
 * @param keys every accepted key with its organisation and roles
 * @param rejectDevelopmentKeys true in the {@code prod} profile: refuse to start while any {@code dev-*} key is
 *     configured
 */
@ConfigurationProperties("likelab.gateway.auth")
public record AccessProperties(List<KeyEntry> keys, boolean rejectDevelopmentKeys) {

    static final String DEVELOPMENT_KEY_PREFIX = "dev-";

    public AccessProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
        Set<String> seen = new HashSet<>();
        for (KeyEntry entry : keys) {
            if (!seen.add(entry.key())) {
                throw new IllegalArgumentException("an API key is configured twice");
            }
            if (rejectDevelopmentKeys && entry.key().startsWith(DEVELOPMENT_KEY_PREFIX)) {
                throw new IllegalArgumentException("development API keys (dev-*) are configured, but this profile "
                        + "(likelab.gateway.auth.reject-development-keys=true) refuses them: configure real keys");
            }
        }
    }

    /**
     * One API key: its name (who the services record as the caller, e.g. in an experiment's history; never the
     * secret), the secret, the organisation it belongs to ({@code *} for platform admins) and its roles.
     */
    public record KeyEntry(String name, String key, String organisation, List<Role> roles) {

        public KeyEntry {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every API key needs a non-blank name");
            }
            if (key == null || key.isBlank() || organisation == null || organisation.isBlank()) {
                throw new IllegalArgumentException("every API key needs a non-blank key and organisation");
            }
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("every API key needs at least one role");
            }
            roles = List.copyOf(roles);
        }
    }
}

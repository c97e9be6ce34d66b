package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads, taken from its own {@code src/main/resources/application*.yml}: the flattened properties of
 * application.yml (placeholders resolved to their defaults) and every {@code ${ENV_VAR...}} placeholder name of
 * all its profiles.
 */
final class ServiceConfig {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final String service;
    private final Map<String, String> properties;
    private final Set<String> environmentNames;

    private ServiceConfig(String service, Map<String, String> properties, Set<String> environmentNames) {
        this.service = service;
        this.properties = properties;
        this.environmentNames = environmentNames;
    }

    static ServiceConfig of(String service) {
        Path resources = Repository.root().resolve(service).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            Set<String> names = new TreeSet<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml"))
                    .toList()) {
                Matcher m = ENV_PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            Map<String, String> flat = new TreeMap<>();
            for (var doc : Kustomize.parse(Files.readString(resources.resolve("application.yml")))) {
                flatten("", doc, flat);
            }
            return new ServiceConfig(service, flat, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String service() {
        return service;
    }

    /** Names of the environment variables the service's configuration files read. */
    Set<String> environmentNames() {
        return environmentNames;
    }

    /**
     * The environment names Spring's relaxed binding maps onto the keys of application.yml, indexes written as 0
     * ({@code likelab.gateway.auth.keys[0].roles[0]} gives {@code LIKELAB_GATEWAY_AUTH_KEYS_0_ROLES_0} and, for
     * the whole list, {@code LIKELAB_GATEWAY_AUTH_KEYS_0_ROLES}).
     */
    Set<String> relaxedEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.keySet()) {
            String name = normalise(key.replace("-", "")
                    .replaceAll("\\[(\\d+)]", "_$1")
                    .replace('.', '_')
                    .toUpperCase(java.util.Locale.ROOT));
            names.add(name);
            names.add(name.replaceAll("_0$", ""));
        }
        return names;
    }

    /** Every list index of an environment name written as 0, so that keys 0, 1, 2... compare alike. */
    static String normalise(String environmentName) {
        return environmentName.replaceAll("_\\d+(?=_|$)", "_0");
    }

    Optional<String> find(String key) {
        return Optional.ofNullable(properties.get(key)).map(this::resolve);
    }

    String get(String key) {
        return find(key).orElseThrow(() -> new AssertionError(service + "'s application.yml has no " + key));
    }

    /** {@code ${VAR:default}} becomes its default, {@code ${other.key}} the value of that key. */
    private String resolve(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(2) != null
                    ? m.group(2)
                    : find(m.group(1)).orElseThrow(() -> new AssertionError(service + ": unresolvable " + m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties()
                    .forEach(
                            e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }
}

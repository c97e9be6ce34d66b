package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates built-in Kubernetes objects against fabric8's typed models (generated from the Kubernetes OpenAPI
 * schema): a wrong type fails deserialization, and a field the schema does not know lands in a model's
 * {@code additionalProperties}, which this reports with its path (the models accept unknown fields silently).
 */
final class KubernetesModels {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubernetesModels() {}

    /** The problems of {@code object}, or empty when no typed model knows its kind (a custom resource). */
    static Optional<List<String>> validate(JsonNode object) {
        KubernetesResource typed;
        try {
            typed = SERIALIZATION.unmarshal(object.toString());
        } catch (RuntimeException e) {
            return Optional.of(
                    List.of("does not match its schema: " + rootCause(e).getMessage()));
        }
        if (typed instanceof GenericKubernetesResource) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        walk(typed, "", problems, new IdentityHashMap<>());
        return Optional.of(problems);
    }

    private static void walk(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "." : path));
                }
            } else {
                walk(value, path + "." + property(getter.getName()), problems, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }
}

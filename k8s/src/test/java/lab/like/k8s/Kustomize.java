package lab.like.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, the same renderer {@code kubectl apply -k} uses. */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final String kubectl;

    Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** The kubectl of the PATH, or the one named by {@code -Dlikelab.kubectl=...}. */
    static Kustomize fromEnvironment() {
        return new Kustomize(System.getProperty("likelab.kubectl", "kubectl"));
    }

    List<ObjectNode> render(Path kustomization) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run '" + kubectl + " kustomize': kubectl is required by the k8s module's tests (they "
                            + "render every overlay offline; no cluster needed). Install kubectl or point "
                            + "-Dlikelab.kubectl at it. Cause: " + e.getMessage(),
                    e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize " + kustomization + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + kustomization, e);
        }
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var docs = YAML.readValues(YAML.createParser(yaml), JsonNode.class)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }
}

package lab.like.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Every overlay under k8s/overlays, each rendered once per test run. */
final class Overlays {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {}

    /** The overlay names (the directories of k8s/overlays), as a parameter source. */
    static Stream<String> names() {
        try (Stream<Path> dirs = Files.list(Repository.k8s().resolve("overlays"))) {
            List<String> names = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(
                overlay, name -> new Manifests(name, Kustomize.fromEnvironment().render(Repository.overlay(name))));
    }
}

package lab.like.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository the tests run in (the k8s module's directory is the working directory). */
final class Repository {

    private Repository() {}

    static Path root() {
        Path module =
                Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("k8s/overlays"))) {
            throw new IllegalStateException("not run from the k8s module of the LIKE Lab repository: " + module);
        }
        return root;
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }
}

package lab.like.stack.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import lab.like.stack.ParentWatchdog;

/**
 * The launcher's parent-watchdog agent as a jar, so that no child JVM of a run outlives it (the same as
 * {@code lab.like.stack.WatchdogJar}, which is package-private there; the two can be merged).
 */
final class AgentJar {

    private AgentJar() {}

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("parent-watchdog.jar");
        String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry);
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (in == null) {
                throw new IOException("class file " + entry + " not found");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** The JVM option that loads the agent, watching this process. */
    static String option(Path jar) {
        return "-javaagent:" + jar + "=" + ProcessHandle.current().pid();
    }
}

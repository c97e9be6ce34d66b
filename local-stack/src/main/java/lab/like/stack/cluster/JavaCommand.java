package lab.like.stack.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that runs a main class of this module in a child JVM: from the packaged Spring Boot jar
 * through its {@code PropertiesLauncher}, or with this JVM's class path (tests, an IDE).
 */
final class JavaCommand {

    private JavaCommand() {}

    /**
     * This JVM's class path; when it is the packaged jar, a copy of it in {@code dir}, so that a rebuild while a
     * run goes on cannot break the child JVMs (a Spring Boot jar replaced under a running JVM breaks it).
     */
    static String stableClassPath(Path dir) throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!isBootJar(classPath)) return classPath;
        Path copy = Files.createDirectories(dir).resolve(Path.of(classPath).getFileName());
        Files.copy(Path.of(classPath), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy.toString();
    }

    static List<String> of(Class<?> mainClass, String classPath, List<String> javaOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(classPath);
        if (isBootJar(classPath)) {
            command.add("-Dloader.main=" + mainClass.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(mainClass.getName());
        }
        command.addAll(args);
        return command;
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        Path jar = Path.of(classPath);
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}

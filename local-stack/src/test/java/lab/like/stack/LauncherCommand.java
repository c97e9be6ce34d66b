package lab.like.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts the launcher in a child JVM of the test, with the test's class path. */
final class LauncherCommand {

    private LauncherCommand() {}

    static List<String> of(Path home, String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LocalStack.class.getName(),
                "--home",
                home.toString()));
        command.addAll(List.of(options));
        return command;
    }
}

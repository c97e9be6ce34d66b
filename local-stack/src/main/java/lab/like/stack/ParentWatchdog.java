package lab.like.stack;

import java.util.Optional;

/**
 * A Java agent loaded into each service JVM ({@code -javaagent:parent-watchdog.jar=<launcher pid>}): when the
 * launcher process disappears, even by SIGKILL, the service exits through its normal shutdown hooks instead of
 * lingering. Uses only the JDK, so it can be copied into a jar of its own.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {}

    public static void premain(String launcherPid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(launcherPid.trim()));
        if (launcher.isEmpty()) {
            System.err.println("[local-stack] launcher " + launcherPid + " is gone; exiting");
            System.exit(3);
        }
        launcher.get().onExit().thenRun(() -> {
            System.err.println("[local-stack] launcher " + launcherPid + " exited; shutting down");
            System.exit(3);
        });
    }
}

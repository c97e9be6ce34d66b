package lab.like.stack.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lab.like.stack.Ports;
import lab.like.stack.Stack;
import lab.like.stack.StackConfig;

/**
 * The local stack for a load run: every port free, MongoDB in memory, data and a copy of the service jars under
 * the run's folder (so a rebuild meanwhile cannot break a running service).
 */
public final class OwnStack {

    private OwnStack() {}

    public static Stack start(
            Path home, Path dir, String serviceJavaOptions, Duration startTimeout, Consumer<String> progress)
            throws Exception {
        List<Integer> ports = Ports.free(9);
        Path jars = ServiceSet.copyJars(home, dir.resolve("home"));
        List<String> args = new ArrayList<>(List.of(
                "--home",
                jars.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--gateway-port",
                ports.get(0).toString(),
                "--experiment-port",
                ports.get(1).toString(),
                "--metrics-port",
                ports.get(2).toString(),
                "--kafka-port",
                ports.get(3).toString(),
                "--kafka-controller-port",
                ports.get(4).toString(),
                "--mongo-port",
                ports.get(5).toString(),
                "--gateway-management-port",
                ports.get(6).toString(),
                "--experiment-management-port",
                ports.get(7).toString(),
                "--metrics-management-port",
                ports.get(8).toString(),
                "--in-memory-mongo",
                "--start-timeout",
                Long.toString(startTimeout.toSeconds())));
        Map<String, String> env = new HashMap<>();
        env.put("LIKELAB_SERVICE_JAVA_OPTS", serviceJavaOptions);
        return Stack.start(StackConfig.parse(args.toArray(String[]::new), env), progress);
    }
}

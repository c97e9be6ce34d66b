package lab.like.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.like.stack.StackConfig.PortSetting;

/** Turns options and environment variables into a {@link StackConfig}; a bad value is an IllegalArgumentException. */
final class StackConfigParser {

    static final String USAGE = """
            Usage: java -jar local-stack/target/local-stack.jar [options]

              --demo                      after start, send realistic demo traffic through the gateway
              --demo-rate N               demo events per second (LIKELAB_DEMO_RATE, default 300)
              --home DIR                  repository root holding <module>/target/<module>.jar (LIKELAB_HOME, default .)
              --data-dir DIR              data and logs (LIKELAB_DATA_DIR, default <home>/data)
              --gateway-port N            (LIKELAB_GATEWAY_PORT, default 8080)
              --experiment-port N         (LIKELAB_EXPERIMENT_PORT, default 8081)
              --metrics-port N            (LIKELAB_METRICS_PORT, default 8082)
              --gateway-management-port N     actuator of the gateway (LIKELAB_GATEWAY_MANAGEMENT_PORT, default 9080)
              --experiment-management-port N  (LIKELAB_EXPERIMENT_MANAGEMENT_PORT, default 9081)
              --metrics-management-port N     (LIKELAB_METRICS_MANAGEMENT_PORT, default 9082)
              --kafka-port N              (LIKELAB_KAFKA_PORT, default 9092)
              --kafka-controller-port N   (LIKELAB_KAFKA_CONTROLLER_PORT, default 9093)
              --mongo-port N              (LIKELAB_MONGO_PORT, default 27017)
              --in-memory-mongo           keep MongoDB data in memory only (default: H2 file under the data dir)
              --start-timeout SECONDS     how long to wait for each service (LIKELAB_START_TIMEOUT, default 240)
              --help

            Environment: KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI use an external Kafka / MongoDB instead of the
            embedded ones; LIKELAB_SUBJECT_SECRET and LIKELAB_INTERNAL_SIGNING_KEY (development values by default);
            LIKELAB_SERVICE_JAVA_OPTS
            (JVM options of the three service JVMs, default -Xmx512m; metrics-service also gets -XX:+UseParallelGC
            unless the options choose a collector).
            """;

    private static final List<String> FLAGS = List.of("--demo", "--in-memory-mongo");
    private static final List<String> VALUED = List.of(
            "--demo-rate",
            "--home",
            "--data-dir",
            "--gateway-port",
            "--experiment-port",
            "--metrics-port",
            "--gateway-management-port",
            "--experiment-management-port",
            "--metrics-management-port",
            "--kafka-port",
            "--kafka-controller-port",
            "--mongo-port",
            "--start-timeout");

    private StackConfigParser() {}

    static StackConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> options = options(args);
        Path home = Path.of(value(options, env, "--home", "LIKELAB_HOME", "."))
                .toAbsolutePath()
                .normalize();
        Path dataDir = home.resolve(value(options, env, "--data-dir", "LIKELAB_DATA_DIR", "data"))
                .toAbsolutePath()
                .normalize();
        Map<PortSetting, Integer> ports = new EnumMap<>(PortSetting.class);
        for (PortSetting setting : PortSetting.values()) {
            String raw = value(options, env, setting.option, setting.env, String.valueOf(setting.defaultPort));
            ports.put(setting, port(raw, setting));
        }
        String javaOpts = nonBlank(env.get("LIKELAB_SERVICE_JAVA_OPTS")).orElse("-Xmx512m");
        return new StackConfig(
                home,
                dataDir,
                ports.get(PortSetting.GATEWAY),
                ports.get(PortSetting.EXPERIMENT),
                ports.get(PortSetting.METRICS),
                ports.get(PortSetting.GATEWAY_MANAGEMENT),
                ports.get(PortSetting.EXPERIMENT_MANAGEMENT),
                ports.get(PortSetting.METRICS_MANAGEMENT),
                ports.get(PortSetting.KAFKA),
                ports.get(PortSetting.KAFKA_CONTROLLER),
                ports.get(PortSetting.MONGO),
                nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(env.get("MONGODB_URI")),
                !options.containsKey("--in-memory-mongo"),
                nonBlank(env.get("LIKELAB_SUBJECT_SECRET")).orElse(StackConfig.DEV_SUBJECT_SECRET),
                nonBlank(env.get("LIKELAB_INTERNAL_SIGNING_KEY")).orElse(StackConfig.DEV_INTERNAL_SIGNING_KEY),
                Arrays.stream(javaOpts.trim().split("\\s+")).toList(),
                Duration.ofSeconds(positive(
                        value(options, env, "--start-timeout", "LIKELAB_START_TIMEOUT", "240"), "--start-timeout")),
                options.containsKey("--demo"),
                positive(value(options, env, "--demo-rate", "LIKELAB_DEMO_RATE", "300"), "--demo-rate"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (arg.contains("=") && VALUED.contains(arg.substring(0, arg.indexOf('=')))) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (VALUED.contains(arg) && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown or incomplete option '" + arg + "' (see --help)");
            }
        }
        return options;
    }

    private static String value(
            Map<String, String> options, Map<String, String> env, String option, String var, String fallback) {
        if (options.containsKey(option)) {
            return options.get(option);
        }
        return nonBlank(env.get(var)).orElse(fallback);
    }

    private static int port(String raw, PortSetting setting) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid port '" + raw + "' for the " + setting.label + " (" + setting.option
                + " / " + setting.env + "): expected a number from 1 to 65535");
    }

    private static int positive(String raw, String option) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Invalid value '" + raw + "' for " + option + ": expected a positive integer");
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}

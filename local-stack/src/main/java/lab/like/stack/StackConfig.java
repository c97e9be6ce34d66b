package lab.like.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher needs to know, read from command-line options first, then environment variables,
 * then defaults. Each port setting names both its option and its variable, so an error can say how to change
 * it.
 */
public record StackConfig(
        Path home,
        Path dataDir,
        int gatewayPort,
        int experimentPort,
        int metricsPort,
        int gatewayManagementPort,
        int experimentManagementPort,
        int metricsManagementPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        Optional<String> externalKafka,
        Optional<String> externalMongo,
        boolean persistentMongo,
        String subjectSecret,
        String internalSigningKey,
        List<String> serviceJavaOptions,
        Duration startTimeout,
        boolean demo,
        int demoEventsPerSecond) {

    public static final String DEV_SUBJECT_SECRET = "likelab-development-subject-secret";
    public static final String DEV_INTERNAL_SIGNING_KEY = "likelab-development-internal-signing-key";

    /** A port setting: its name in messages, its command-line option, its environment variable, its default. */
    public enum PortSetting {
        GATEWAY("gateway", "--gateway-port", "LIKELAB_GATEWAY_PORT", 8080),
        EXPERIMENT("experiment-service", "--experiment-port", "LIKELAB_EXPERIMENT_PORT", 8081),
        METRICS("metrics-service", "--metrics-port", "LIKELAB_METRICS_PORT", 8082),
        GATEWAY_MANAGEMENT("gateway management", "--gateway-management-port", "LIKELAB_GATEWAY_MANAGEMENT_PORT", 9080),
        EXPERIMENT_MANAGEMENT(
                "experiment-service management",
                "--experiment-management-port",
                "LIKELAB_EXPERIMENT_MANAGEMENT_PORT",
                9081),
        METRICS_MANAGEMENT(
                "metrics-service management", "--metrics-management-port", "LIKELAB_METRICS_MANAGEMENT_PORT", 9082),
        KAFKA("Kafka broker", "--kafka-port", "LIKELAB_KAFKA_PORT", 9092),
        KAFKA_CONTROLLER("Kafka controller", "--kafka-controller-port", "LIKELAB_KAFKA_CONTROLLER_PORT", 9093),
        MONGO("MongoDB server", "--mongo-port", "LIKELAB_MONGO_PORT", 27017);

        public final String label;
        public final String option;
        public final String env;
        public final int defaultPort;

        PortSetting(String label, String option, String env, int defaultPort) {
            this.label = label;
            this.option = option;
            this.env = env;
            this.defaultPort = defaultPort;
        }

        public int of(StackConfig config) {
            return switch (this) {
                case GATEWAY -> config.gatewayPort();
                case EXPERIMENT -> config.experimentPort();
                case METRICS -> config.metricsPort();
                case GATEWAY_MANAGEMENT -> config.gatewayManagementPort();
                case EXPERIMENT_MANAGEMENT -> config.experimentManagementPort();
                case METRICS_MANAGEMENT -> config.metricsManagementPort();
                case KAFKA -> config.kafkaPort();
                case KAFKA_CONTROLLER -> config.kafkaControllerPort();
                case MONGO -> config.mongoPort();
            };
        }
    }

    /** The ports this configuration will listen on (embedded servers skipped when external ones are given). */
    public List<PortSetting> portsToOpen() {
        List<PortSetting> ports = new ArrayList<>(List.of(
                PortSetting.GATEWAY,
                PortSetting.EXPERIMENT,
                PortSetting.METRICS,
                PortSetting.GATEWAY_MANAGEMENT,
                PortSetting.EXPERIMENT_MANAGEMENT,
                PortSetting.METRICS_MANAGEMENT));
        if (externalKafka.isEmpty()) {
            ports.add(PortSetting.KAFKA);
            ports.add(PortSetting.KAFKA_CONTROLLER);
        }
        if (externalMongo.isEmpty()) {
            ports.add(PortSetting.MONGO);
        }
        return ports;
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("127.0.0.1:" + kafkaPort);
    }

    public String mongoUri() {
        return externalMongo.orElse("mongodb://127.0.0.1:" + mongoPort);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public static StackConfig parse(String[] args, Map<String, String> env) {
        return StackConfigParser.parse(args, env);
    }

    public static String usage() {
        return StackConfigParser.USAGE;
    }
}

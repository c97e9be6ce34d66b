package lab.like.stack;

import java.util.List;

/** The text printed once everything is ready. */
final class Banner {

    private Banner() {}

    static List<String> lines(StackConfig config, double startSeconds) {
        String gateway = "http://localhost:" + config.gatewayPort();
        return List.of(
                "",
                "================================================================================",
                String.format(" LIKE Lab is running (ready in %.1f s)", startSeconds),
                "================================================================================",
                " Gateway (public API)   " + gateway + "/api/v1/experiments",
                " Dashboard              " + gateway + "/",
                " API documentation      " + gateway + "/swagger-ui/index.html",
                " experiment-service     http://localhost:" + config.experimentPort() + "  (internal)",
                " metrics-service        http://localhost:" + config.metricsPort() + "  (internal)",
                " Kafka bootstrap        " + config.kafkaBootstrapServers()
                        + (config.externalKafka().isPresent() ? "  (external)" : "  (embedded)"),
                " MongoDB                " + config.mongoUri()
                        + (config.externalMongo().isPresent() ? "  (external)" : "  (embedded)"),
                "",
                " Development API keys (Authorization: Bearer <key>):",
                "   dev-admin-key        organisation *      ADMIN",
                "   dev-team-key         organisation demo   TEAM",
                "   dev-emitter-key      organisation demo   EMITTER",
                "   dev-analyst-key      organisation demo   ANALYST",
                "   dev-other-team-key   organisation other  TEAM",
                "",
                " Try:  curl -H 'Authorization: Bearer dev-team-key' " + gateway + "/api/v1/experiments",
                "",
                " Data:  " + config.dataDir() + "  (kept across restarts; delete it to start afresh)",
                " Logs:  " + config.logDir() + "/<service>.log, Kafka and MongoDB in local-stack.log",
                " Crash: a service that exits is started again (back-off 1 s, doubling to 30 s), logged"
                        + " with its restart count",
                " Stop:  Ctrl-C (or SIGTERM to pid " + ProcessHandle.current().pid() + ")",
                "================================================================================");
    }
}

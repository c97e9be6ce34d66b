package lab.like.stack;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--demo]}: starts Kafka, MongoDB and the three services,
 * prints where everything is, and stops it all on Ctrl-C.
 */
public final class LocalStack {

    static final int EXIT_CONFIG = 2;
    static final int EXIT_FAILED = 1;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fault-suite")) {
            lab.like.stack.faults.FaultSuite.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(StackConfig.usage());
            return;
        }
        StackConfig config;
        try {
            config = StackConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            exit(EXIT_CONFIG, e.getMessage());
            return;
        }
        Optional<String> problem = preflight(config);
        if (problem.isPresent()) {
            exit(EXIT_CONFIG, problem.get());
            return;
        }
        // Before the first logger is created: Kafka, MongoDB and launcher logs go to <data>/logs/local-stack.log.
        System.setProperty("likelab.log.dir", config.logDir().toString());
        progress("LIKE Lab local stack: data in " + config.dataDir() + ", logs in " + config.logDir());
        Stack stack = new Stack(config, LocalStack::progress);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        // registered before anything starts, so Ctrl-C while starting also stops what was started
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            shuttingDown.set(true);
                            if (!stack.isClosed()) {
                                progress("Shutting down");
                                stack.close();
                                progress("Stopped; data kept in " + config.dataDir());
                            }
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            if (shuttingDown.get()) {
                return; // Ctrl-C while starting: the shutdown hook is stopping everything; exit() would block
            }
            failed(config, e);
            return;
        }
        if (shuttingDown.get()) {
            return;
        }
        Banner.lines(config, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3)
                .forEach(System.out::println);
        stack.supervise(Supervisor.Backoff.DEFAULT);
        if (config.demo()) {
            Thread demo = new Thread(new DemoTraffic(config, LocalStack::progress), "demo-traffic");
            demo.setDaemon(true);
            demo.start();
        }
        stopped.await();
    }

    /** Problems found before anything starts: a missing jar, a taken port, another launcher on the same data. */
    static Optional<String> preflight(StackConfig config) {
        for (String service : Stack.SERVICES) {
            if (!Files.isRegularFile(config.jar(service))) {
                return Optional.of("Missing " + config.jar(service) + ": build the services first with "
                        + "./mvnw -DskipTests package (or pass --home <repository root>).");
            }
        }
        try {
            Optional<ProcessHandle> other = new PidFile(config.dataDir()).liveLauncher();
            if (other.isPresent()) {
                return Optional.of("Another local stack (pid " + other.get().pid() + ") is running with "
                        + config.dataDir() + ": stop it first, or use --data-dir.");
            }
        } catch (java.io.IOException e) {
            return Optional.of("Cannot read " + config.dataDir().resolve("pids") + ": " + e.getMessage());
        }
        return Ports.firstConflict(config);
    }

    private static void failed(StackConfig config, Exception e) {
        if (e instanceof ServiceFailedException failed) {
            System.err.println("Start failed: " + failed.getMessage() + ". Its last log lines:");
            failed.lastLogLines().forEach(line -> System.err.println("  | " + line));
            exit(EXIT_FAILED, null);
        }
        org.slf4j.LoggerFactory.getLogger(LocalStack.class).error("Start failed", e);
        exit(
                EXIT_FAILED,
                "Start failed: " + e + " (details in " + config.logDir().resolve("local-stack.log") + ")");
    }

    static void progress(String line) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + line);
    }

    private static void exit(int code, String message) {
        if (message != null) {
            System.err.println(message);
        }
        System.exit(code);
    }
}

package lab.like.metrics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import lab.like.metrics.MetricsServiceApplication;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Mono;

/** Restarts and a killed process: every event still counts exactly once. */
@EmbeddedKafka(
        partitions = 3,
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class RestartAndCrashTest {

    static MongoServer mongo;
    static MongoClient client;

    @BeforeAll
    static void startMongo() {
        mongo = TestInfra.startMongo();
        client = TestInfra.mongoClient(mongo);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.shutdownNow();
    }

    static String brokers() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        return broker.getBrokersAsString();
    }

    AppArgs args() {
        return new AppArgs(
                brokers(),
                TestInfra.mongoUri(mongo),
                TestInfra.uniqueStateDir(),
                "app-" + UUID.randomUUID(),
                freePort());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ConfigurableApplicationContext startInJvm(AppArgs args) {
        return new SpringApplicationBuilder(MetricsServiceApplication.class)
                .run(args.toList().toArray(String[]::new));
    }

    void publishAndAwait(KafkaProducer<String, byte[]> producer, Scenario scenario) {
        TestInfra.send(producer, "experiments", scenario.experimentId, scenario.experimentJson("RUNNING"));
        producer.flush();
        await().atMost(Duration.ofSeconds(90)).until(() -> Mono.from(client.getDatabase("likelab_metrics")
                        .getCollection("experiments")
                        .find(new Document("_id", scenario.experimentId))
                        .first())
                .blockOptional(Duration.ofSeconds(5))
                .isPresent());
    }

    void awaitExact(Scenario scenario, List<Scenario.Sent> sent, Duration atMost) {
        var expected = Scenario.expected(sent, false);
        var expectedDaily = Scenario.expected(sent, true);
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var docs = TestInfra.aggregates(client, scenario.experimentId);
            assertThat(TestInfra.stored(docs, false)).isEqualTo(expected);
            assertThat(TestInfra.stored(docs, true)).isEqualTo(expectedDaily);
        });
    }

    @Test
    void whenSameEventsReplayedAfterRestartWithEmptyStateDirThenCountedOnce() {
        AppArgs args = args();
        Scenario scenario =
                new Scenario("exp-restart-" + UUID.randomUUID(), "demo", List.of("a", "b", "c"), List.of(30, 30, 40));
        List<Scenario.Sent> events = scenario.journeys(600, 7, Instant.now());
        try (var producer = TestInfra.producer(brokers())) {
            try (var first = startInJvm(args)) {
                publishAndAwait(producer, scenario);
                for (int i = 0; i < events.size(); i++) {
                    TestInfra.send(
                            producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 3));
                }
                producer.flush();
                awaitExact(scenario, events, Duration.ofSeconds(60));
            }
            // the second instance starts from an empty state dir: its state is restored from the changelogs
            try (var second = startInJvm(args.withStateDir(TestInfra.uniqueStateDir()))) {
                List<Scenario.Sent> all = new ArrayList<>(events);
                for (int i = 0; i < events.size(); i++) {
                    TestInfra.send(
                            producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), (i + 1) % 3));
                }
                // fresh events after the replayed ones, on the same partition: the sentinels of this check (the
                // exact comparison needs them, so it cannot pass before the replays were processed)
                List<Scenario.Sent> fresh =
                        scenario.journeys(650, 8, Instant.now()).subList(events.size(), events.size() + 20);
                for (var e : fresh) {
                    TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(e, 0));
                    all.add(e);
                }
                producer.flush();
                awaitExact(scenario, all, Duration.ofSeconds(90));
            }
        }
    }

    @Test
    void whenProcessKilledMidStreamThenSuccessorCountsEveryEventExactlyOnce() throws Exception {
        AppArgs args = args();
        Scenario scenario =
                new Scenario("exp-crash-" + UUID.randomUUID(), "demo", List.of("a", "b", "c"), List.of(34, 33, 33));
        List<Scenario.Sent> events = scenario.journeys(8000, 11, Instant.now());
        Process first = launch(args, 1);
        try (var producer = TestInfra.producer(brokers())) {
            publishAndAwait(producer, scenario);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < events.size(); i++) {
                    TestInfra.send(
                            producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 3));
                    if (i % 500 == 499) pause(100);
                }
                producer.flush();
            });
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> TestInfra.aggregates(client, scenario.experimentId).values().stream()
                                    .filter(d -> d.getString("day") == null)
                                    .mapToLong(d -> ((Number) d.get("version")).longValue())
                                    .sum()
                            >= events.size() / 6);
            first.destroyForcibly().waitFor();
            long countedAtKill = TestInfra.aggregates(client, scenario.experimentId).values().stream()
                    .filter(d -> d.getString("day") == null)
                    .mapToLong(d -> ((Number) d.get("version")).longValue())
                    .sum();
            // printed, not asserted: how far the first process got is timing, which tests must not assert
            System.out.printf(
                    "killed first instance with %d of %d events visible, producer done: %s%n",
                    countedAtKill, events.size(), sending.isDone());
            Process second = launch(args, 2);
            try {
                sending.get();
                // and some redeliveries after the crash
                for (int i = 0; i < events.size(); i += 7) {
                    TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), 2));
                }
                // the sentinel, alone on its day: the exact comparison needs its row, so it cannot pass before
                // the redeliveries ahead of it on the partition were processed
                var sentinel = scenario.sentinel(10);
                TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(sentinel, 0));
                producer.flush();
                List<Scenario.Sent> all = new ArrayList<>(events);
                all.add(sentinel);
                awaitExact(scenario, all, Duration.ofSeconds(150));
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            first.destroyForcibly();
        }
    }

    @Test
    void whenMongoIsDownAtStartThenTotalsArriveOnceItIsUp() {
        int mongoPort = freePort();
        AppArgs args = args();
        AppArgs late = new AppArgs(
                args.brokers(),
                "mongodb://127.0.0.1:" + mongoPort + "/?serverSelectionTimeoutMS=1500",
                args.stateDir(),
                args.applicationId(),
                args.port());
        Scenario scenario =
                new Scenario("exp-mongo-late-" + UUID.randomUUID(), "demo", List.of("a", "b"), List.of(50, 50));
        List<Scenario.Sent> events = scenario.journeys(300, 3, Instant.now());
        try (var producer = TestInfra.producer(brokers());
                var app = startInJvm(late)) {
            TestInfra.send(producer, "experiments", scenario.experimentId, scenario.experimentJson("RUNNING"));
            producer.flush();
            pause(3000); // the global store loads the experiment while MongoDB is still unreachable
            for (int i = 0; i < events.size(); i++) {
                TestInfra.send(producer, "usage-events", scenario.experimentId, scenario.json(events.get(i), i % 3));
            }
            producer.flush();
            pause(5000); // long enough for the writer to fail and restart at least once
            MongoServer lateMongo = new MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
            lateMongo.bind(new InetSocketAddress("127.0.0.1", mongoPort), 1, 1);
            try (MongoClient lateClient =
                    com.mongodb.reactivestreams.client.MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                var expected = Scenario.expected(events, false);
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(TestInfra.stored(
                                        TestInfra.aggregates(lateClient, scenario.experimentId), false))
                                .isEqualTo(expected));
            } finally {
                lateMongo.shutdownNow();
            }
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Process launch(AppArgs args, int n) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp",
                System.getProperty("java.class.path"),
                MetricsServiceApplication.class.getName()));
        command.addAll(args.toList());
        File log = Path.of("target", "tmp", "child-" + args.applicationId() + "-" + n + ".log")
                .toFile();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }
}

package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void whenNothingGivenThenDefaultPortsDataUnderHomeAndEmbeddedInfrastructure() {
        StackConfig config = StackConfig.parse(new String[0], Map.of());

        assertThat(config.gatewayPort()).isEqualTo(8080);
        assertThat(config.experimentPort()).isEqualTo(8081);
        assertThat(config.metricsPort()).isEqualTo(8082);
        assertThat(List.of(
                        config.gatewayManagementPort(),
                        config.experimentManagementPort(),
                        config.metricsManagementPort()))
                .containsExactly(9080, 9081, 9082);
        assertThat(config.internalSigningKey()).isEqualTo(StackConfig.DEV_INTERNAL_SIGNING_KEY);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.mongoPort()).isEqualTo(27017);
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.mongoUri()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(config.persistentMongo()).isTrue();
        assertThat(config.demo()).isFalse();
        assertThat(config.subjectSecret()).isEqualTo(StackConfig.DEV_SUBJECT_SECRET);
        assertThat(config.portsToOpen()).hasSize(9); // three API, three management, Kafka (two), MongoDB
    }

    @Test
    void whenOptionAndEnvironmentBothGivenThenOptionWins() {
        StackConfig config = StackConfig.parse(
                new String[] {"--gateway-port", "9000", "--metrics-port=9002", "--demo", "--home", "/srv/likelab"},
                Map.of("LIKELAB_GATEWAY_PORT", "7000", "LIKELAB_EXPERIMENT_PORT", "7001"));

        assertThat(config.gatewayPort()).isEqualTo(9000);
        assertThat(config.experimentPort()).isEqualTo(7001);
        assertThat(config.metricsPort()).isEqualTo(9002);
        assertThat(config.demo()).isTrue();
        assertThat(config.jar("gateway")).isEqualTo(Path.of("/srv/likelab/gateway/target/gateway.jar"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/likelab/data"));
    }

    @Test
    void whenExternalKafkaAndMongoGivenThenTheirPortsAreNotOpenedAndTheirAddressesPassedOn() {
        StackConfig config = StackConfig.parse(
                new String[0],
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "kafka:9092",
                        "MONGODB_URI",
                        "mongodb://mongo:27017/?replicaSet=rs0"));

        assertThat(config.externalKafka()).contains("kafka:9092");
        assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.mongoUri()).isEqualTo("mongodb://mongo:27017/?replicaSet=rs0");
        assertThat(config.portsToOpen())
                .containsExactly(
                        StackConfig.PortSetting.GATEWAY,
                        StackConfig.PortSetting.EXPERIMENT,
                        StackConfig.PortSetting.METRICS,
                        StackConfig.PortSetting.GATEWAY_MANAGEMENT,
                        StackConfig.PortSetting.EXPERIMENT_MANAGEMENT,
                        StackConfig.PortSetting.METRICS_MANAGEMENT);
    }

    @Test
    void whenBlankEnvironmentValuesThenTheyAreIgnored() {
        StackConfig config =
                StackConfig.parse(new String[0], Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "LIKELAB_MONGO_PORT", ""));

        assertThat(config.externalKafka()).isEqualTo(Optional.empty());
        assertThat(config.mongoPort()).isEqualTo(27017);
    }

    @Test
    void whenPortIsNotANumberThenTheMessageNamesTheSetting() {
        assertThatThrownBy(() -> StackConfig.parse(new String[0], Map.of("LIKELAB_KAFKA_PORT", "ninety")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ninety'")
                .hasMessageContaining("--kafka-port")
                .hasMessageContaining("LIKELAB_KAFKA_PORT");
    }

    @Test
    void whenPortIsOutOfRangeThenRejected() {
        assertThatThrownBy(() -> StackConfig.parse(new String[] {"--mongo-port", "70000"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 65535");
    }

    @Test
    void whenUnknownOptionOrMissingValueThenRejected() {
        assertThatThrownBy(() -> StackConfig.parse(new String[] {"--colour"}, Map.of()))
                .hasMessageContaining("'--colour'");
        assertThatThrownBy(() -> StackConfig.parse(new String[] {"--gateway-port"}, Map.of()))
                .hasMessageContaining("'--gateway-port'");
    }

    @Test
    void whenDemoRateIsNotPositiveThenRejected() {
        assertThatThrownBy(() -> StackConfig.parse(new String[] {"--demo-rate", "0"}, Map.of()))
                .hasMessageContaining("--demo-rate");
    }
}

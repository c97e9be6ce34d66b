package lab.like.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running gateway (default configuration) in front of two stub services shared by every subclass, so they
 * all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

    static final DownstreamStub EXPERIMENTS = DownstreamStub.start("experiment-service");
    static final DownstreamStub METRICS = DownstreamStub.start("metrics-service");
    static final int ONE_MIB = 1024 * 1024;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("likelab.gateway.routing.experiment-service-url", EXPERIMENTS::baseUrl);
        registry.add("likelab.gateway.routing.metrics-service-url", METRICS::baseUrl);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    /** The management port: the actuator with details and prometheus. */
    WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        EXPERIMENTS.clear();
        METRICS.clear();
    }
}

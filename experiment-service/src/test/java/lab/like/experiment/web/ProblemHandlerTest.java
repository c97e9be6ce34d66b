package lab.like.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import lab.like.experiment.failure.UnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void whenAnUnexpectedFailureThen500WithoutTheExceptionMessage() {
        ResponseEntity<ProblemDetail> response =
                handler.failure(new IllegalStateException("db password is hunter2 at mongodb://x"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getType()).isEqualTo(URI.create("urn:likelab:problem:internal"));
        assertThat(response.getBody().getDetail()).isEqualTo("an internal error occurred");
        assertThat(response.getBody().toString()).doesNotContain("hunter2");
    }

    @Test
    void whenKafkaIsUnavailableThen503WithRetryAfterAndNoCauseMessage() {
        ResponseEntity<ProblemDetail> response = handler.unavailable(new UnavailableException(
                "the event store is unavailable",
                Duration.ofSeconds(7),
                new RuntimeException("broker-3:9092 refused")));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(response.getBody().getType()).isEqualTo(URI.create("urn:likelab:problem:unavailable"));
        assertThat(response.getBody().getDetail()).doesNotContain("broker-3");
    }
}

package lab.like.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import lab.like.gateway.limits.PayloadTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class GatewayExceptionHandlerTest {

    @Test
    void unreachableDownstreamIsUnavailable() {
        assertThat(GatewayExceptionHandler.classify(new ConnectException("Connection refused")))
                .isEqualTo(Problem.UNAVAILABLE);
        assertThat(GatewayExceptionHandler.classify(new ConnectTimeoutException("x")))
                .isEqualTo(Problem.UNAVAILABLE);
        assertThat(GatewayExceptionHandler.classify(new IllegalStateException(new ConnectException("x"))))
                .isEqualTo(Problem.UNAVAILABLE);
    }

    @Test
    void statusExceptionsKeepTheirMeaning() {
        assertThat(GatewayExceptionHandler.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
                .isEqualTo(Problem.TIMEOUT);
        assertThat(GatewayExceptionHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isEqualTo(Problem.NOT_FOUND);
        assertThat(GatewayExceptionHandler.classify(new ResponseStatusException(HttpStatus.BAD_GATEWAY)))
                .isEqualTo(Problem.INTERNAL);
        assertThat(GatewayExceptionHandler.classify(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)))
                .isNull();
    }

    @Test
    void streamedBodyTooLargeIs413AndAnythingElseIsInternal() {
        assertThat(GatewayExceptionHandler.classify(new PayloadTooLargeException(10)))
                .isEqualTo(Problem.PAYLOAD_TOO_LARGE);
        assertThat(GatewayExceptionHandler.classify(new NullPointerException("secret detail")))
                .isEqualTo(Problem.INTERNAL);
    }
}

package lab.like.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class CorsFilterTest {

    private final AtomicBoolean passed = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> {
        passed.set(true);
        return Mono.empty();
    };

    @Test
    void whenNoOriginIsConfiguredThenCorsIsOffAndNoHeaderIsSent() {
        MockServerWebExchange exchange = preflight("https://app.utrecht.example");
        new CorsFilter(new CorsProperties(List.of())).filter(exchange, chain).block();
        assertThat(passed).isTrue();
        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isNull();
    }

    @Test
    void whenAnOriginIsConfiguredThenItsPreflightIsAnsweredAndOthersAreRefused() {
        CorsFilter filter = new CorsFilter(new CorsProperties(List.of("https://app.utrecht.example")));
        MockServerWebExchange allowed = preflight("https://app.utrecht.example");
        filter.filter(allowed, chain).block();
        assertThat(allowed.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isEqualTo("https://app.utrecht.example");
        assertThat(passed).as("a preflight is answered by the filter").isFalse();

        MockServerWebExchange foreign = preflight("https://evil.example");
        filter.filter(foreign, chain).block();
        assertThat(foreign.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isNull();
    }

    private static MockServerWebExchange preflight(String origin) {
        return MockServerWebExchange.from(MockServerHttpRequest.options("http://gateway.example/api/v1/experiments")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.GET.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization"));
    }
}

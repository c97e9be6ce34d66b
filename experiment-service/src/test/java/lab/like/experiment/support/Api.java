package lab.like.experiment.support;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Calls the service the way the gateway does, with the internal token of one caller ({@code name} is the token's
 * subject; null means {@code <organisation>-caller}).
 */
public record Api(WebTestClient web, String name, String organisation, String roles) {

    public Api(WebTestClient web, String organisation, String roles) {
        this(web, null, organisation, roles);
    }

    public static final String PATH = "/api/v1/experiments";

    public WebTestClient.RequestHeadersUriSpec<?> get() {
        return (WebTestClient.RequestHeadersUriSpec<?>) web.get().headers(this::identify);
    }

    public WebTestClient.RequestBodyUriSpec post() {
        return (WebTestClient.RequestBodyUriSpec) web.post().headers(this::identify);
    }

    public WebTestClient.RequestBodyUriSpec patch() {
        return (WebTestClient.RequestBodyUriSpec) web.patch().headers(this::identify);
    }

    public WebTestClient.ResponseSpec postJson(String uri, Object body) {
        return post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Creates a valid experiment (with {@code overrides}) and returns its id. */
    public String create(Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(validBody());
        body.putAll(overrides);
        Map<?, ?> created = postJson(PATH, body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) created.get("id");
    }

    public String create() {
        return create(Map.of());
    }

    /** Creates an experiment and starts it. */
    public String running(Map<String, Object> overrides) {
        String id = create(overrides);
        post().uri(PATH + "/" + id + "/start").exchange().expectStatus().isOk();
        return id;
    }

    private void identify(HttpHeaders headers) {
        headers.set(
                HttpHeaders.AUTHORIZATION,
                InternalTokens.bearer(
                        name != null ? name : organisation + "-caller", organisation, List.of(roles.split(","))));
    }

    public static Map<String, Object> validBody() {
        return Map.of(
                "name", "Simplified parking permit form",
                "hypothesis", "A 3-step form raises completion from 60% to 75%",
                "service", "parking-permit",
                "variants", List.of(Map.of("key", "control", "weight", 50), Map.of("key", "simplified", "weight", 50)),
                "guardrailKpis", List.of("satisfaction"));
    }
}

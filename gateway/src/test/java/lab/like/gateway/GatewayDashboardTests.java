package lab.like.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The dashboard's page and every asset it loads come from the gateway without a key; the page holds no inline
 * script or style (the dashboard's Content-Security-Policy forbids them); the public OpenAPI document and
 * Swagger UI are served.
 */
class GatewayDashboardTests extends GatewayTestSupport {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern IMPORT = Pattern.compile("(?:import|from) '([^']+)'");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"#]+)\"");

    @Test
    void everyAssetThePageAndItsModulesLoadIsServedWithoutKey() throws IOException {
        String html = client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("/swagger-ui.html")) {
                assets.add(m.group(1));
            }
        }
        assertThat(assets)
                .contains(
                        "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css",
                        "/webjars/uplot/dist/uPlot.min.css",
                        "/dashboard/enable-js.js",
                        "/dashboard/app.js");
        for (Path module : modules()) {
            Matcher imports = IMPORT.matcher(Files.readString(module));
            while (imports.find()) {
                String target = imports.group(1);
                assets.add(target.startsWith("./") ? "/dashboard/" + target.substring(2) : target);
            }
        }
        assets.add("/assets/fonts/bold-b542beb274-v2.woff2");
        assets.add("/assets/fonts/light-94a07e06a1-v2.woff2");
        assets.add("/assets/images/govuk-crest.svg");
        for (String asset : assets) {
            client.get().uri(asset).exchange().expectStatus().isOk();
        }
        client.get().uri("/dashboard/app.js").exchange().expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void thePageAndItsScriptsUseNoInlineScriptStyleOrMarkupInjection() throws IOException {
        String html = Files.readString(STATIC.resolve("index.html"));
        assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContain("javascript:");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=");
            count++;
        }
        assertThat(count).isEqualTo(2);
        assertThat(html).doesNotContainPattern("\\son[a-z]+=");
        for (Path module : modules()) {
            String js = Files.readString(module, StandardCharsets.UTF_8);
            assertThat(js)
                    .as(module.toString())
                    .doesNotContain("innerHTML")
                    .doesNotContain("insertAdjacentHTML")
                    .doesNotContain("eval(")
                    .doesNotContain("'style'")
                    .doesNotContain("style:");
        }
    }

    @Test
    void theOpenApiDocumentIsTheGatewaysWithItsOwnServerUrl() {
        // springdoc builds the document on the first call, which takes seconds on a busy machine
        client.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi")
                .isEqualTo("3.1.0")
                .jsonPath("$.info.title")
                .isEqualTo("LIKE Lab public API")
                .jsonPath("$.servers[0].url")
                .isEqualTo("http://localhost:" + port)
                .jsonPath("$.paths.length()")
                .isEqualTo(14)
                .jsonPath("$.paths['/api/v1/experiments/{id}/results'].get.summary")
                .isEqualTo("Results of a pilot")
                .jsonPath("$.components.securitySchemes.apiKey.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.oidc.bearerFormat")
                .isEqualTo("JWT")
                .jsonPath("$.components.schemas.Problem.required")
                .value(required ->
                        assertThat((List<Object>) required).containsExactlyInAnyOrder("type", "title", "status"))
                .consumeWith(served -> write(served.getResponseBody()));
        client.get()
                .uri("/v3/api-docs/experiment-service")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void swaggerUiShowsTheOneDocument() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("/v3/api-docs");
    }

    /** The served document, for a reviewer to read beside the hand-written YAML. */
    private static void write(byte[] document) {
        try {
            Files.write(Path.of("target", "api-docs.json"), document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> modules() throws IOException {
        try (Stream<Path> files = Files.list(STATIC.resolve("dashboard"))) {
            return files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
        }
    }
}

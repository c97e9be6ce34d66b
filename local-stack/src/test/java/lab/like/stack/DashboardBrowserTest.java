package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser against the real local stack with live data: signs in (after the no-key,
 * empty, wrong and EMITTER key states), lists and filters pilots, opens one and sees the API's numbers, sees a
 * live update arrive over the SSE stream, downloads the CSV, completes the pilot as TEAM and sees the history,
 * opens the portfolio and the cross-city comparison, and finally sees the unavailable state with
 * metrics-service down. axe-core runs in every state; screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private StackFixture fixture;
    private GatewayClient gateway;
    private Pilots pilots;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        boolean installed = Browser.installed();
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI must have chromium, chromedriver and npm (for axe-core): .ci/run installs them");
        }
        assumeTrue(
                installed,
                "Skipping the browser test: needs /usr/bin/chromium, /usr/bin/chromedriver "
                        + "(apt-get install chromium chromium-driver) and npm for axe-core (" + Browser.AXE + ")");
        fixture = StackFixture.shared();
        gateway = fixture.gateway;
        pilots = new Pilots(gateway);
        browser = new Browser(Path.of("target", "browser", String.valueOf(System.currentTimeMillis())));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        // the shared stack stays up for the other classes (metrics-service, killed here last, is started again)
    }

    @Test
    @Order(1)
    void everyDocumentedOperationAnswersThroughTheGateway() {
        new DocumentedOperations(gateway).assertEveryOperationAnswers(pilots.createAndStart("API docs check"));
    }

    @Test
    @Order(2)
    void aPilotTeamFollowsAPilotFromSignInToDecision() throws Exception {
        String id = pilots.createAndStart("Simplified parking permit form");
        SliceTraffic traffic = new SliceTraffic(id, subject -> pilots.assign(id, subject));
        for (int i = 0; i < 16; i++) {
            traffic.journey("citizen-" + i, i % 4, false);
        }
        pilots.send(traffic.events);
        JsonNode results = pilots.awaitResults(id, traffic.expected);

        signInStates();
        browser.driver.get(fixture.base + "/#/experiments?status=RUNNING");
        WebElement link = browser.awaitVisible(By.linkText(pilots.nameOf(id)));
        browser.assertAccessible("experiments filtered by status");
        browser.screenshot("02-experiments");

        link.click();
        browser.awaitVisible(By.id("results-region"));
        browser.awaitText(By.id("live-status"), "Live: updated");
        assertVariantRows(results);
        browser.assertAccessible("experiment with results");
        browser.screenshot("03-experiment");

        traffic.events.clear();
        for (int i = 16; i < 28; i++) {
            traffic.journey("citizen-" + i, i % 4, false);
        }
        pilots.send(traffic.events);
        JsonNode updated = pilots.awaitResults(id, traffic.expected);
        browser.awaitText(By.id("live-status"), updated.path("eventsCounted").asText() + " events counted");
        assertVariantRows(updated);
        browser.assertAccessible("experiment after a live update");

        downloadCsv(id);
        complete(id, updated);
        portfolioAndComparison();
        unavailable(id);
        assertThat(browser.consoleErrors())
                .as("console errors (CSP violations, script errors)")
                .isEmpty();
    }

    private void signInStates() throws Exception {
        browser.driver.get(fixture.base + "/");
        browser.awaitText(By.tagName("h1"), "Sign in to LIKE Lab");
        browser.awaitText(By.id("page"), "Sign in with your key");
        browser.assertAccessible("sign in, no key");
        browser.screenshot("01-sign-in");
        browser.driver.findElement(By.id("sign-in")).click();
        browser.awaitText(By.id("error-summary"), "Enter your API key or access token.");
        browser.assertAccessible("sign in, empty key");
        signIn("not-a-key");
        browser.awaitText(By.id("error-summary"), "This key or token was not recognised");
        browser.assertAccessible("sign in, wrong key");
        browser.screenshot("01-sign-in-wrong-key");
        signIn("dev-emitter-key");
        browser.awaitText(By.id("error-summary"), "This key may send events but not read pilots");
        browser.assertAccessible("sign in, EMITTER key");
        signIn("dev-team-key");
        browser.awaitText(By.tagName("h1"), "Pilots");
        assertThat(browser.driver.findElement(By.id("navigation")).isDisplayed())
                .isTrue();
    }

    private void signIn(String key) {
        WebElement input = browser.awaitVisible(By.id("credential"));
        input.clear();
        input.sendKeys(key);
        browser.driver.findElement(By.id("sign-in")).click();
    }

    private void assertVariantRows(JsonNode results) {
        for (JsonNode variant : results.path("variants")) {
            String name = variant.path("variant").asText();
            By row = By.xpath("//table[caption[normalize-space()='Results per variant']]//tr[th[normalize-space()='"
                    + name + "']]");
            browser.await(d -> {
                List<WebElement> cells = d.findElements(row).isEmpty()
                        ? List.of()
                        : d.findElement(row).findElements(By.tagName("td"));
                return cells.size() > 4
                        && cells.get(0)
                                .getText()
                                .equals(variant.path("subjects").asText())
                        && cells.get(1)
                                .getText()
                                .equals(variant.path("starters").asText())
                        && cells.get(2)
                                .getText()
                                .equals(variant.path("completers").asText())
                        && cells.get(3)
                                .getText()
                                .equals(variant.path("abandoners").asText())
                        && cells.get(4).getText().startsWith(percent(variant.at("/kpis/completion_rate/value")));
            });
        }
    }

    private static String percent(JsonNode value) {
        return value.isNull() ? "No data yet" : String.format(java.util.Locale.ROOT, "%.1f%%", value.asDouble() * 100);
    }

    private void downloadCsv(String id) throws Exception {
        browser.driver.findElement(By.id("download-csv")).click();
        Path file = browser.downloads.resolve("experiment-" + id + "-daily.csv");
        browser.await(d -> Files.isRegularFile(file) ? file : null);
        String csv = DocumentedOperations.getCsv(fixture.base.resolve("/api/v1/experiments/" + id + "/results/daily"));
        browser.await(d -> fileEquals(file, csv) ? file : null);
        browser.awaitText(By.id("download-status"), "Downloaded");
    }

    private static boolean fileEquals(Path file, String expected) {
        try {
            return Files.readString(file).equals(expected);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void complete(String id, JsonNode results) throws Exception {
        browser.driver.findElement(By.id("action-complete")).click();
        WebElement rationale = browser.awaitVisible(By.id("rationale"));
        List<String> reasons = toList(results.at("/recommendation/reasons"));
        assertThat(rationale.getAttribute("value")).isEqualTo(String.join("; ", reasons));
        browser.assertAccessible("complete: confirmation with decision");
        browser.screenshot("04-complete-confirm");
        browser.driver.findElement(By.id("outcome-ITERATE")).click();
        rationale.clear();
        rationale.sendKeys("Completion improved but not enough starters yet: try a shorter form next.");
        browser.driver.findElement(By.id("confirm-action")).click();
        browser.awaitText(By.id("notice"), "Pilot completed");
        JsonNode experiment =
                gateway.get("/api/v1/experiments/" + id, "dev-team-key").json();
        assertThat(experiment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(experiment.at("/decision/outcome").asText()).isEqualTo("ITERATE");
        WebElement table = browser.awaitText(
                By.xpath("//table[caption[normalize-space()='Every change, oldest first']]"), "Completed");
        assertThat(table.getText()).contains("demo-team").contains("Iterate");
        browser.assertAccessible("experiment completed, with history");
        browser.screenshot("05-experiment-completed");
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private void portfolioAndComparison() throws Exception {
        browser.driver.findElement(By.cssSelector("[data-nav=portfolio]")).click();
        browser.awaitText(By.tagName("h1"), "Portfolio");
        browser.awaitVisible(By.cssSelector("#page .govuk-body, #page .govuk-summary-list, #page table"));
        browser.assertAccessible("portfolio");
        browser.screenshot("06-portfolio");
        browser.driver.findElement(By.cssSelector("[data-nav=comparison]")).click();
        browser.awaitText(By.tagName("h1"), "Across cities");
        WebElement service = browser.awaitVisible(By.id("service"));
        service.sendKeys("Not A Slug");
        browser.driver.findElement(By.id("compare")).click();
        browser.awaitText(By.id("error-summary"), "Enter the e-service slug");
        browser.assertAccessible("comparison, invalid service");
        service = browser.awaitVisible(By.id("service"));
        service.clear();
        service.sendKeys("parking-permit");
        browser.driver.findElement(By.id("compare")).click();
        browser.awaitVisible(By.cssSelector("#comparison-result, #page .govuk-inset-text"));
        browser.assertAccessible("comparison of parking-permit");
        browser.screenshot("07-comparison");
    }

    private void unavailable(String id) throws Exception {
        fixture.stack.crash("metrics-service");
        browser.driver.get(fixture.base + "/#/experiments/" + id + "?again");
        browser.driver.navigate().refresh();
        browser.awaitText(By.id("page"), "The service is unavailable");
        browser.assertAccessible("experiment with metrics-service down");
        browser.screenshot("08-unavailable");
    }
}

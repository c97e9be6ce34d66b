package lab.like.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with axe-core (from npm, see the pom) run inside the
 * page on demand. Flags as DESIGN.md found them to work on these machines.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");
    private static final int WIDTH = 1280;
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    final Path downloads;
    private final Path screenshots;
    private final String axe;
    private final List<String> consoleErrors = new ArrayList<>();

    Browser(Path work) throws IOException {
        downloads = Files.createDirectories(work.resolve("downloads").toAbsolutePath());
        screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        axe = Files.readString(AXE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + ",1000",
                "--user-data-dir="
                        + Files.createDirectories(work.resolve("profile")).toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isRegularFile(AXE);
    }

    <T> T await(ExpectedCondition<T> condition) {
        // the dashboard replaces whole sections as data arrives, so an element found a moment ago may be gone
        return new WebDriverWait(driver, Duration.ofSeconds(45))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement awaitVisible(By by) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    WebElement awaitText(By by, String text) {
        return await(d -> {
            for (WebElement element : d.findElements(by)) {
                if (element.getText().contains(text)) {
                    return element;
                }
            }
            return null;
        });
    }

    /** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
    void assertAccessible(String state) throws IOException {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(axe);
        }
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] })
                          .then((r) => done(JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact,
                            help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))))
                          .catch((e) => done('axe failed: ' + e));
                        """);
        String report = String.valueOf(answer);
        assertThat(report).as(state).doesNotStartWith("axe failed");
        JsonNode violations = JSON.readTree(report);
        List<String> severe = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            String line =
                    impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + v.path("nodes");
            System.out.println("[axe] " + state + ": " + line);
            if (impact.equals("serious") || impact.equals("critical")) {
                severe.add(line);
            }
        }
        assertThat(severe)
                .as("serious or critical axe-core violations in state '%s'", state)
                .isEmpty();
        collectConsole();
    }

    /** A full-page screenshot in target/screenshots. */
    void screenshot(String name) throws IOException {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(6000, Math.max(800, height))));
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(WIDTH, 1000));
    }

    /**
     * Console errors other than failed HTTP responses (the 401, 403 and 404 of the error states are expected):
     * a Content-Security-Policy violation or a script error ends up here.
     */
    List<String> consoleErrors() {
        collectConsole();
        return consoleErrors;
    }

    private void collectConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !entry.getMessage().contains("Failed to load resource")) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

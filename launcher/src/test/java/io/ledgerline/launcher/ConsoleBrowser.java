package io.ledgerline.launcher;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium on the console: Debian's {@code chromium} and {@code chromium-driver} (or the
 * binaries named by {@code -Dledgerline.chromium} and {@code -Dwebdriver.chrome.driver}), with the
 * steps the console tests take and the page's own console log.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final WebDriverWait await;
    private final String console;

    private ConsoleBrowser(ChromeDriver driver, String console) {
        this.driver = driver;
        this.await = new WebDriverWait(driver, PATIENCE);
        this.console = console;
    }

    /** Whether this machine has the browser and its driver; without them the console tests are skipped. */
    static boolean installed() {
        return chromium().isPresent() && chromedriver().isPresent();
    }

    static ConsoleBrowser open(String console) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(chromium().orElseThrow().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1360,1000", "--user-data-dir=" + Files.createTempDirectory("console-browser"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ConsoleBrowser(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().orElseThrow().toFile()).build(), options), console);
    }

    /** The console's start page with no token in the tab. */
    void loggedOut() {
        driver.get(console);
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
    }

    /** Navigates to a route of the console, such as {@code #/audit/LAMP-1}. */
    void go(String route) {
        driver.get(console + route);
    }

    void logIn(String user, String password) {
        type("#username", user);
        type("#password", password);
        click("#login-button");
    }

    <T> T until(ExpectedCondition<T> condition) {
        return await.until(condition);
    }

    WebElement visible(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void gone(String css) {
        until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    void showsText(String id, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    void type(String css, String value) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(value);
    }

    void click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> elements(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return element(css).getText();
    }

    List<String> texts(String css) {
        return elements(css).stream().map(WebElement::getText).toList();
    }

    /**
     * Script errors and whatever the content security policy blocked since the last call. A refused
     * API call is logged by Chrome as a failed resource load, which the access-denied test expects.
     */
    List<String> pageProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of"))
                .filter(message -> message.contains("Uncaught") || message.contains("Content Security Policy")
                        || message.contains("Refused to"))
                .toList();
    }

    /** The whole page, into target/console/ and, with -Dledgerline.console.screenshots=true, into docs/console/. */
    void screenshot(String name) {
        JavascriptExecutor script = driver;
        Number width = (Number) script.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) script.executeScript("return document.documentElement.scrollHeight");
        // Chrome's own capture of the whole page; a window cannot grow past the headless screen.
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 3000), "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        try {
            write(Path.of("target", "console"), name, png);
            if (Boolean.getBoolean("ledgerline.console.screenshots")) {
                write(Path.of("..", "docs", "console"), name, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static void write(Path directory, String name, byte[] png) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), png);
    }

    private static Optional<Path> chromium() {
        return executable("ledgerline.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    private static Optional<Path> chromedriver() {
        return executable("webdriver.chrome.driver", "/usr/bin/chromedriver");
    }

    private static Optional<Path> executable(String property, String... candidates) {
        String configured = System.getProperty(property);
        return (configured != null ? Stream.of(configured) : Stream.of(candidates)).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}

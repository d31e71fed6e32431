package io.earshot.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's Chromium (Debian's, headless, its own profile: its own cookies) on the dashboard.
 * Two of them are two people in separate browser contexts.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public Browser(Duration patience) {
    // CI installs Chromium; a missing browser is a broken build, not a reason to skip.
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium and chromedriver are required");
    try {
      profile = Files.createTempDirectory("earshot-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, patience);
    wait.ignoring(StaleElementReferenceException.class);
  }

  public static By testId(String id) {
    return By.cssSelector("[data-testid=" + id + "]");
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Signs in and waits for the live feed, so what happens next must arrive as an event. */
  public Browser signIn(String baseUrl, String username, String password) {
    driver.get(baseUrl + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-username"))).sendKeys(username);
    driver.findElement(testId("login-password")).sendKeys(password);
    driver.findElement(testId("login-submit")).click();
    wait.until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
    return this;
  }

  public WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public Object js(String script, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}

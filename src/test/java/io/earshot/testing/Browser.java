package io.earshot.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium on a fresh profile, driven through chromedriver, with the few steps
 * dashboard tests share: sign in, find inbox rows by their text, open a case, run a script.
 * Closing it quits the browser and deletes the profile. A missing browser fails the test: CI
 * installs Chromium.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public Browser(Duration timeout) throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM), "Chromium is required at " + CHROMIUM);
    assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is required at " + CHROMEDRIVER);
    profile = TestDirs.create("earshot-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    // The inbox re-renders as live events arrive; an element found a moment ago may be replaced.
    wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Signs in through the login form and waits for the live feed, so later changes arrive as events. */
  public void signIn(String baseUrl, String username, String password) {
    driver.get(baseUrl + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("login-username"))).sendKeys(username);
    driver.findElement(testId("login-password")).sendKeys(password);
    driver.findElement(testId("login-submit")).click();
    wait.until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
  }

  public List<WebElement> rows() {
    return driver.findElements(testId("case-row"));
  }

  /** The text of a case row, as the DOM holds it (text, never markup). */
  public static String rowText(WebElement row) {
    return row.findElement(testId("case-text")).getDomProperty("textContent");
  }

  /** The inbox row of the case whose last text is this, or null while it is not shown. */
  public WebElement row(String text) {
    return rows().stream().filter(r -> text.equals(rowText(r))).findFirst().orElse(null);
  }

  /** Opens the case from its inbox row; waits until the case view shows it and its row is selected. */
  public void openCase(String caseId) {
    By sameRow = By.cssSelector("[data-testid=case-row][data-case-id='" + caseId + "']");
    wait.until(d -> {
      d.findElement(sameRow).click();
      return true;
    });
    wait.until(d -> !d.findElements(testId("case-subject")).isEmpty() && !d.findElements(
        By.cssSelector("[data-testid=case-row].selected[data-case-id='" + caseId + "']")).isEmpty());
  }

  public Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /**
   * Clicks the element once it is clickable, finding it again when a live re-render replaced it
   * between finding and clicking (the wait ignores stale references).
   */
  public void click(By by) {
    wait.until(d -> {
      WebElement el = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (el == null) {
        return false;
      }
      el.click();
      return true;
    });
  }

  /**
   * What {@code read} returns for the first element that {@code matches}, once one does. Both run
   * inside the wait, so a live re-render between finding and reading finds the element again.
   */
  public <T> T read(By by, Predicate<WebElement> matches, Function<WebElement, T> read) {
    return wait.until(d -> d.findElements(by).stream().filter(matches).findFirst().map(read).orElse(null));
  }

  /** The element once it is visible. */
  public WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  /** Keeps what the page looked like under target/browser-it, a debugging aid that never fails a test. */
  public void screenshot(String name) {
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Path dir = Path.of("target", "browser-it");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (RuntimeException | IOException e) {
      // never let a screenshot hide the test's own outcome
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      TestDirs.delete(profile);
    }
  }
}

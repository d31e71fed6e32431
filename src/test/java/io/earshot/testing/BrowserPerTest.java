package io.earshot.testing;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link Browser} for every test of a class (register it with {@code @RegisterExtension}):
 * opened before the test's own {@code @BeforeEach} methods, and after the test a screenshot named
 * after it kept and the browser closed.
 */
public final class BrowserPerTest implements BeforeEachCallback, AfterEachCallback {
  private final Duration timeout;
  private Browser browser;

  public BrowserPerTest(Duration timeout) {
    this.timeout = timeout;
  }

  /** The running test's browser. */
  public Browser browser() {
    return browser;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    browser = new Browser(timeout);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (browser != null) {
      try {
        browser.screenshot(context.getRequiredTestMethod().getName());
      } finally {
        browser.close();
        browser = null;
      }
    }
  }
}

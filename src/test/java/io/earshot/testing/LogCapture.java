package io.earshot.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records every log line the JVM writes while open (formatted message and any stack trace), so a
 * test can prove that secrets never reach the logs of a real hub running in the same process, or
 * that it logged no warning or error.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final List<ch.qos.logback.classic.Level> levels = new ArrayList<>();
  private final Logger root;

  public LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    setContext(context);
    setName("log-capture");
    start();
    root.addAppender(this);
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    lines.add(line.toString());
    levels.add(event.getLevel());
  }

  /** Captured lines logged at {@code level} or above (a WARN or an ERROR), with their level. */
  public synchronized List<String> atLeast(ch.qos.logback.classic.Level level) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (levels.get(i).isGreaterOrEqual(level)) {
        found.add(levels.get(i) + " " + lines.get(i));
      }
    }
    return found;
  }

  /** Captured lines containing {@code needle}; empty when the secret never appeared. */
  public synchronized List<String> containing(String needle) {
    return lines.stream().filter(l -> l.contains(needle)).toList();
  }

  public synchronized int size() {
    return lines.size();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}

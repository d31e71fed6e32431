package io.earshot.broadcast;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import io.earshot.error.DomainError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Broadcast templates: Handlebars files in {@code webroot/templates/broadcasts/<name>.hbs}
 * (built in: an incident notice, a status update, a fix announcement and their personal
 * notices), compiled once at start-up. They see {@code problem.title},
 * {@code problem.publicSummary}, {@code problem.status}, {@code brand.name} and, in a personal
 * notice, {@code customer.handle}. Posts are plain text, so nothing is HTML-escaped here.
 */
public final class BroadcastTemplates {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, Template> compiled = new LinkedHashMap<>();

  public BroadcastTemplates(Path dir) {
    Handlebars handlebars = new Handlebars().with(EscapingStrategy.NOOP);
    if (!Files.isDirectory(dir)) {
      LoggerFactory.getLogger(BroadcastTemplates.class).warn("no broadcast templates: {} is not a directory",
          dir.toAbsolutePath());
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".hbs")).sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.hbs$", "");
        String source = Files.readString(file).strip();
        sources.put(name, source);
        compiled.put(name, handlebars.compileInline(source));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read broadcast templates in " + dir, e);
    }
  }

  public Map<String, String> sources() {
    return sources;
  }

  public boolean has(String name) {
    return compiled.containsKey(name);
  }

  /** Fills template {@code name}; fails with Invalid naming {@code field} when there is no such template. */
  public String render(String name, String field, Map<String, Object> context) {
    Template template = compiled.get(name);
    if (template == null) {
      throw new DomainError.Invalid(field, "no broadcast template named '" + name + "'");
    }
    try {
      return template.apply(context).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

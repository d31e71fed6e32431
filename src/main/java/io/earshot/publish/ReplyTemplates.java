package io.earshot.publish;

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
 * Reply templates: Handlebars files in {@code webroot/templates/replies/<name>.hbs}, compiled
 * once at start-up. Replies are plain text posted to a platform, not HTML, so values are not
 * HTML-escaped here; dashboards escape whatever they display.
 */
public final class ReplyTemplates {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, Template> compiled = new LinkedHashMap<>();

  public ReplyTemplates(Path dir) {
    Handlebars handlebars = new Handlebars().with(EscapingStrategy.NOOP);
    if (!Files.isDirectory(dir)) {
      LoggerFactory.getLogger(ReplyTemplates.class).warn("no reply templates: {} is not a directory", dir.toAbsolutePath());
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
      throw new UncheckedIOException("cannot read reply templates in " + dir, e);
    }
  }

  /** Template bodies by name, in name order. */
  public Map<String, String> sources() {
    return sources;
  }

  /** Renders a template; fails with Invalid naming {@code template} when it does not exist. */
  public String render(String name, Map<String, Object> context) {
    Template template = compiled.get(name);
    if (template == null) {
      throw new DomainError.Invalid("template", "no template named '" + name + "'");
    }
    try {
      return template.apply(context).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

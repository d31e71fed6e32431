package io.earshot.publish;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import io.earshot.error.DomainError;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and fills saved reply bodies with Handlebars.java. A reply is plain text posted to a
 * platform, not HTML, so values are never HTML-escaped here ({@code Tom & Jerry} stays as it is):
 * every dashboard inserts text as text, which is what keeps a customer named {@code <script>}
 * inert. Partials are refused: a template written in the dashboard must not read files on the
 * server. Compiled templates are kept by body, so a busy template compiles once. Fails with
 * {@link DomainError.Unprocessable} naming {@code body}, with the parser's message, for a body
 * that does not compile or cannot be filled.
 */
public final class TemplateEngine {
  /** Enough for every saved reply a hub keeps; past it the cache starts over. */
  private static final int CACHED = 1000;
  private final Handlebars handlebars = new Handlebars(new NoPartials()).with(EscapingStrategy.NOOP);
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  /** Checks that {@code body} compiles and fills (with no values); fails with Invalid naming {@code body}. */
  public void check(String body) {
    fill(body, Map.of());
  }

  /** The filled text, stripped of surrounding white space. */
  public String fill(String body, Object context) {
    try {
      return compile(body).apply(context).strip();
    } catch (HandlebarsException e) {
      throw new DomainError.Unprocessable("body", message(e));
    } catch (IOException e) {
      throw new DomainError.Unprocessable("body", e.getMessage());
    }
  }

  private Template compile(String body) throws IOException {
    Template template = compiled.get(body);
    if (template == null) {
      template = handlebars.compileInline(body);
      if (compiled.size() >= CACHED) {
        compiled.clear();
      }
      compiled.put(body, template);
    }
    return template;
  }

  /** The parser's reason and where it is, without the generated file name it starts with. */
  private static String message(HandlebarsException e) {
    HandlebarsError error = e.getError();
    if (error == null) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return "cannot be filled: " + cause.getMessage();
    }
    return "does not compile: line " + error.line + ", column " + error.column + ": " + error.reason.strip();
  }

  /** A loader that finds nothing: {@code {{> partial}}} fails instead of reading the class path. */
  private static final class NoPartials extends AbstractTemplateLoader {
    @Override
    public TemplateSource sourceAt(String location) throws IOException {
      throw new IOException("partials ({{> " + location + "}}) are not supported in saved replies");
    }
  }
}

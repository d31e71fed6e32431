package io.earshot.publish;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and fills saved reply bodies with Handlebars.java, on its own small worker pool:
 * Handlebars' parser takes tens to hundreds of milliseconds for a body with a few hundred tags,
 * far too long for an event loop. A reply is plain text posted to a platform, not HTML, so values
 * are never HTML-escaped here ({@code Tom & Jerry} stays as it is): every dashboard inserts text
 * as text, which is what keeps a customer named {@code <script>} inert. Partials are refused: a
 * template written in the dashboard must not read files on the server. Bodies are capped in
 * size and block nesting before they reach the parser, whose recursion a deep nesting would
 * exhaust. Compiled templates are kept by body, so a busy template compiles once. Futures fail
 * with {@link DomainError.Unprocessable} naming {@code body}, with the parser's message, for a
 * body that does not compile or cannot be filled, or {@link DomainError.Invalid} for one too big.
 */
public final class TemplateEngine {
  /** Enough for every saved reply a hub keeps; past it the cache starts over. */
  private static final int CACHED = 1000;
  static final int MAX_BODY = 5000;
  /** Blocks ({@code {{#…}}}, {@code {{^…}}}) a body may open; a reply needs a handful. */
  static final int MAX_BLOCKS = 20;
  private final Handlebars handlebars = new Handlebars(new NoPartials()).with(EscapingStrategy.NOOP);
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();
  private final WorkerExecutor workers;

  public TemplateEngine(WorkerExecutor workers) {
    this.workers = workers;
  }

  /** Checks that {@code body} compiles and fills (with no values). */
  public Future<Void> check(String body) {
    return fill(body, Map.of()).mapEmpty();
  }

  /** The filled text, stripped of surrounding white space. */
  public Future<String> fill(String body, Object context) {
    try {
      bounded(body);
    } catch (DomainError e) {
      return Future.failedFuture(e);
    }
    return workers.executeBlocking(() -> fillNow(body, context), false);
  }

  /** Fills on the calling thread: for a worker, never an event loop. */
  String fillNow(String body, Object context) {
    bounded(body);
    try {
      return compile(body).apply(context).strip();
    } catch (HandlebarsException e) {
      throw new DomainError.Unprocessable("body", message(e));
    } catch (IOException e) {
      throw new DomainError.Unprocessable("body", e.getMessage());
    } catch (StackOverflowError e) {
      throw new DomainError.Unprocessable("body", "nests too deeply");
    }
  }

  private static void bounded(String body) {
    if (body.length() > MAX_BODY) {
      throw new DomainError.Invalid("body", "must be at most " + MAX_BODY + " characters");
    }
    if (count(body, "{{#") + count(body, "{{^") > MAX_BLOCKS) {
      throw new DomainError.Unprocessable("body", "may open at most " + MAX_BLOCKS + " blocks ({{#…}})");
    }
  }

  private static int count(String body, String token) {
    int n = 0;
    for (int i = body.indexOf(token); i >= 0; i = body.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
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

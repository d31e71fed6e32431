package io.earshot.demo.sandbox;

import io.earshot.error.DomainError;
import io.earshot.web.ErrorAnswers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sandbox: an emulated social network in this process, with its own HTTP API, so a
 * new hub has live mentions at once and tests have a platform they can script. It binds to
 * 127.0.0.1 only. {@link #start(int)} fails with the bind error; {@link #stop()} never fails.
 * Full reference with examples: {@code docs/SANDBOX.md}.
 * <p>
 * Every route needs {@code Authorization: Bearer <token>} (else 401 with
 * {@code WWW-Authenticate: Bearer}). Errors are {@code {"error":{"code","message"}}}.
 * <ul>
 * <li>{@code GET /api/v1/me}: the agency account and the demo brands it manages.</li>
 * <li>{@code GET /api/v1/mentions?since_id=&limit=} (limit 1..200, default 50): customer posts
 * about any managed brand with id above {@code since_id}, ascending:
 * {@code {"items":[post…],"newest_id":"…","has_more":bool}}. A post is {@code {id, text,
 * created_at, in_reply_to_id, conversation_id, url, lang, brand, author:{id, handle, name,
 * followers, verified}}}. {@code newest_id} is the position to pass next, even when the last item
 * is unreadable.</li>
 * <li>{@code POST /api/v1/posts} {@code {"text","in_reply_to_id"?}} with required
 * {@code Idempotency-Key}: 201 {@code {id,url}}; the same key again answers 200 with the same id
 * and posts nothing; the same key with another text is 409. A reply is posted as the brand its
 * thread concerns.</li>
 * <li>{@code GET /api/v1/posts?ids=a,b} (≤100): {@code {"items":[{id,likes,reposts,replies}]}},
 * unknown ids left out.</li>
 * <li>{@code GET /@handle/id}: a small HTML page for the post, so {@code url} links work.</li>
 * </ul>
 * Test endpoints under {@code /api/v1/sandbox/}: {@code POST mentions} (script one post),
 * {@code POST raw-items} (a JSON array served verbatim in the feed), {@code GET brand-posts},
 * {@code GET|POST|DELETE publish-hold} (status, arm, release), {@code POST faults}
 * {@code {"status","count","reset_in_seconds"}} (a 429 carries {@code X-RateLimit-Reset} in
 * epoch seconds and {@code Retry-After}), {@code POST generate} {@code {"count","incident"?,
 * "react_rounds"?}}, {@code POST posts/{id}/reactions} {@code {"likes"?,"reposts"?}} (added to a
 * brand post).
 */
public final class SandboxPlatform {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxPlatform.class);
  private static final String HOST = "127.0.0.1";

  private final Vertx vertx;
  private final SandboxOptions options;
  private final SandboxNetwork network;
  private final MentionGenerator generator;
  private final PublishHold hold = new PublishHold();
  private final FaultSwitch faults = new FaultSwitch();
  private final byte[] tokenBytes;
  private HttpServer server;
  private volatile boolean running;
  private long timerId = -1;

  public SandboxPlatform(Vertx vertx, SandboxOptions options) {
    this.vertx = vertx;
    this.options = options;
    MentionCorpus corpus = MentionCorpus.load();
    this.network = new SandboxNetwork(Clock.systemUTC(), corpus.brands());
    this.generator = new MentionGenerator(corpus, new SplittableRandom(options.seed()), network);
    this.tokenBytes = options.token().getBytes(StandardCharsets.UTF_8);
  }

  /** Listens on {@code port} (0: any free port) and starts the stream if enabled; the port. */
  public Future<Integer> start(int port) {
    return vertx.createHttpServer().requestHandler(router()).listen(port, HOST)
        .map(listening -> {
          server = listening;
          running = true;
          LOG.info("sandbox listening url={} generate={} seed={} brands={}", baseUrl(),
              options.generate(), options.seed(), network.brands().size());
          startStream();
          return listening.actualPort();
        });
  }

  public Future<Void> stop() {
    running = false;
    vertx.cancelTimer(timerId);
    hold.release();
    return server == null ? Future.succeededFuture()
        : server.close().recover(err -> Future.succeededFuture());
  }

  public int port() {
    return server == null ? -1 : server.actualPort();
  }

  /** {@code http://127.0.0.1:<port>}: what a connector account's {@code baseUrl} should hold. */
  public String baseUrl() {
    return "http://" + HOST + ":" + port();
  }

  public String token() {
    return options.token();
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(256 * 1024));
    router.get("/@:handle/:id").handler(this::postPage);
    router.route("/api/v1/*").handler(this::authenticate);
    router.route("/api/v1/*").handler(this::injectFault);
    new SandboxApi(network, hold, this::baseUrl).mount(router);
    new SandboxOpsApi(network, generator, hold, faults, this::baseUrl).mount(router);
    router.route().failureHandler(this::failure);
    return router;
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
    // Constant-time comparison, so the token cannot be guessed byte by byte from timings.
    if (!MessageDigest.isEqual(given, tokenBytes)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ctx.fail(new DomainError.Unauthenticated("a valid bearer token is required"));
      return;
    }
    ctx.next();
  }

  /** Test endpoints are exempt, so a test can always switch a fault off again. */
  private void injectFault(RoutingContext ctx) {
    FaultSwitch.Fault fault = ctx.normalizedPath().startsWith("/api/v1/sandbox/")
        ? null : faults.next(network.now());
    if (fault == null) {
      ctx.next();
      return;
    }
    if (fault.status() == 429) {
      long retryAfter = Math.max(0, fault.resetAt().getEpochSecond() - network.now().getEpochSecond());
      ctx.response().putHeader("X-RateLimit-Reset", Long.toString(fault.resetAt().getEpochSecond()))
          .putHeader("Retry-After", Long.toString(retryAfter));
    }
    ctx.response().setStatusCode(fault.status()).putHeader("Content-Type", "application/json")
        .end(SandboxJson.error("injected_fault", "fault injected by the sandbox").encode());
  }

  private void postPage(RoutingContext ctx) {
    SandboxPost post = network.find(ctx.pathParam("id"))
        .filter(p -> p.author().handle().equals(ctx.pathParam("handle")))
        .orElseThrow(() -> new DomainError.NotFound("no such post"));
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .end(PostPage.render(post));
  }

  private void failure(RoutingContext ctx) {
    Throwable err = ctx.failure();
    if (err instanceof DomainError api) {
      ctx.response().setStatusCode(ErrorAnswers.status(api)).putHeader("Content-Type", "application/json")
          .end(SandboxJson.error(ErrorAnswers.code(api), api.getMessage()).encode());
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (status >= 500) {
      LOG.error("sandbox request failed path={}", ctx.normalizedPath(), err);
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(SandboxJson.error(status == 413 ? "too_large" : "error",
            status >= 500 ? "internal error" : "request refused").encode());
  }

  /** Writes the backlog, then schedules one generated mention after another. */
  private void startStream() {
    if (!options.generate()) {
      return;
    }
    synchronized (generator) {
      for (int i = 0; i < options.backlog(); i++) {
        generator.emit();
      }
    }
    scheduleNext();
  }

  private void scheduleNext() {
    long delay;
    synchronized (generator) {
      delay = generator.nextDelayMillis(options.meanIntervalMillis());
    }
    timerId = vertx.setTimer(delay, id -> {
      if (!running) {
        return;
      }
      try {
        synchronized (generator) {
          generator.emit();
          generator.react();
        }
      } catch (RuntimeException e) {
        // One bad draw (say, a thread evicted mid-step) must not end the stream for good.
        LOG.warn("sandbox generator step failed; continuing", e);
      }
      scheduleNext();
    });
  }
}

package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.connector.StatusBoard;
import io.earshot.inbox.CaseChanges;
import io.earshot.inbox.InboxService;
import io.earshot.ingest.IngestPipeline;
import io.earshot.publish.ReplyService;
import io.earshot.publish.ReplyTemplates;
import io.earshot.redis.RedisConnection;
import io.earshot.store.AuditLog;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.webhook.WebhookService;
import io.vertx.core.Future;
import java.time.Clock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The HTTP face of one hub instance: the JSON API under {@code /api/v1}, the live WebSocket and
 * the dashboard's static files. Health and ingest are open (ingest has its own token); every
 * other API route needs a session or a personal API token.
 */
public final class HttpApi {
  /** The services the API exposes, gathered to keep the constructor short. */
  public record Services(IngestPipeline pipeline, String ingestToken, AuthService auth, InboxService inbox,
                         CaseChanges caseChanges,
                         ReplyService replies, ReplyTemplates templates, MentionStore mentions,
                         MongoStore mongo, RedisConnection redis, StatusBoard connectors, AuditLog audit,
                         WebhookService webhooks) {
  }

  private static final long MAX_BODY = 16L * 1024 * 1024;
  private final Vertx vertx;
  private final Services services;
  private final String webroot;
  private HttpServer server;

  public HttpApi(Vertx vertx, Services services, String webroot) {
    this.vertx = vertx;
    this.services = services;
    this.webroot = webroot;
  }

  public Future<Integer> listen(int port) {
    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true));
    return server.requestHandler(router()).listen(port).map(HttpServer::actualPort);
  }

  private Router router() {
    Router root = Router.router(vertx);
    root.route().handler(HttpApi::securityHeaders);
    root.route("/api/*").subRouter(api());
    root.route().handler(StaticHandler.create(webroot).setCachingEnabled(false).setIndexPage("index.html"));
    return root;
  }

  private Router api() {
    Router api = Router.router(vertx);
    Authenticator authenticator = new Authenticator(services.auth());
    // Only requests that carry a body get the body handler: reading a GET's body first would
    // make the live WebSocket upgrade impossible.
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(MAX_BODY);
    api.route().method(HttpMethod.POST).method(HttpMethod.PATCH).method(HttpMethod.PUT).handler(bodies);
    api.get("/v1/health").handler(new HealthHandler(services.mongo(), services.redis(), services.connectors())::handle);
    api.post("/v1/mentions").handler(new IngestHandler(services.pipeline(), services.ingestToken())::handle);
    api.get("/v1/live").handler(new LiveSocket(vertx, services.auth())::handle);
    Router v1 = Router.router(vertx);
    new SessionRoutes(services.auth(), authenticator, services.audit(), Clock.systemUTC()).mount(v1);
    v1.route().handler(authenticator::handle);
    new UserRoutes(services.auth(), services.audit(), Clock.systemUTC()).mount(v1);
    new CaseRoutes(services.inbox(), services.caseChanges(), services.replies(), services.templates(), services.mentions()).mount(v1);
    new WebhookRoutes(services.webhooks()).mount(v1);
    api.route("/v1/*").subRouter(v1);
    api.route().failureHandler(ErrorHandler::handle);
    api.route().handler(ctx -> ctx.fail(404));
    return api;
  }

  /**
   * A strict policy: the dashboard loads only its own scripts and styles (it never builds HTML
   * from data), so even text that slipped past escaping could not run.
   */
  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; img-src 'self' data:")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}

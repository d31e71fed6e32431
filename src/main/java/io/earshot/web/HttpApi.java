package io.earshot.web;

import io.earshot.assign.Assign;
import io.earshot.analytics.Analytics;
import io.earshot.auth.AccountAudit;
import io.earshot.auth.AuthService;
import io.earshot.auth.UserService;
import io.earshot.brand.Brands;
import io.earshot.casework.Casework;
import io.earshot.broadcast.Broadcasts;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.ConnectorAccounts;
import io.earshot.connector.StatusBoard;
import io.earshot.inbox.CaseChanges;
import io.earshot.inbox.InboxService;
import io.earshot.inbox.SavedViews;
import io.earshot.connector.meta.MetaWebhooks;
import io.earshot.ingest.IngestPipeline;
import io.earshot.moderation.ModerationService;
import io.earshot.problem.Problems;
import io.earshot.publish.ApprovalPolicies;
import io.earshot.publish.ApprovalService;
import io.earshot.publish.ReplyService;
import io.earshot.publish.SavedReplies;
import io.earshot.redis.RedisConnection;
import io.earshot.sla.SlaPolicies;

import io.earshot.store.AuditLog;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.webhook.WebhookService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HTTP face of one hub instance: the JSON API under {@code /api/v1}, the live WebSocket and
 * the dashboard's static files. Health, ingest and Meta's webhook are open (ingest has its own
 * token, a webhook delivery its signature); every
 * other API route needs a session or a personal API token, and a cookie session's
 * state-changing requests pass the {@link CsrfGuard}. No body is read before the route has
 * authenticated its caller ({@link BodyReader}), but for Meta's webhook, whose signature covers
 * the body: that one is capped at 1 MB and takes an anonymous upload slot; idle connections are closed after the
 * configured idle timeout. {@code GET /metrics} ({@link MetricsRoute}) sits outside the API, for
 * a Prometheus scraper with the metrics token. The HTTP verticles each build a {@link #router()}
 * and listen with {@link #serverOptions()}.
 */
public final class HttpApi {
  /** The services the API exposes, gathered to keep the constructor short. */
  public record Services(IngestPipeline pipeline, String ingestToken, AuthService auth, UserService people,
                         InboxService inbox, CaseChanges caseChanges, ReplyService replies, SavedReplies templates,
                         MentionStore mentions, MongoStore mongo, RedisConnection redis, StatusBoard connectors,
                         AccountAudit accountAudit, WebhookService webhooks, ApprovalService approvals,
                         ApprovalPolicies approvalPolicies, Brands brands, ConnectorAccounts connectorAccounts,
                         MetaWebhooks metaWebhooks, Casework casework, SlaPolicies slaPolicies,
                         Assign assign, Problems problems,
                         Broadcasts broadcasts, ModerationService moderation, SavedViews views) {
  }

  private static final Set<HttpMethod> STATE_CHANGING =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private final Vertx vertx;
  private final Services services;
  private final EarshotConfig.Http config;
  private final Guards guards;
  private final Authenticator authenticator;
  /** What {@code GET /metrics} answers: the scrape, its content type, and the token it requires (null: off). */
  public record Metrics(Supplier<Future<String>> scrape, String contentType, String token) {
  }

  private final MetricsRoute metrics;
  private volatile List<String> routes = List.of();

  public HttpApi(Vertx vertx, Services services, EarshotConfig.Http config, Metrics metrics) {
    this.vertx = vertx;
    this.services = services;
    this.config = config;
    this.metrics = new MetricsRoute(metrics.scrape(), metrics.contentType(), metrics.token());
    Forwarded forwarded = new Forwarded(config.trustedProxies(), config.allowedOrigins());
    this.guards = new Guards(forwarded, new CsrfGuard(forwarded), new BodyReader(vertx, config.bodyTimeout()),
        new UploadSlots(config.maxUploads()), new UploadSlots(config.maxUploads()));
    this.authenticator = new Authenticator(services.auth());
  }

  /**
   * The options every HTTP server of the hub listens with. No h2c upgrade: no browser speaks it,
   * and Vert.x leaves a request that asks for h2c without listing HTTP2-Settings in its first
   * Connection header unanswered until the idle timeout.
   */
  public HttpServerOptions serverOptions() {
    return new HttpServerOptions().setCompressionSupported(true).setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) config.idleTimeout().toSeconds());
  }

  /** Request bodies being read now: of callers not yet signed in ({@code anonymous}), or of signed-in ones. */
  public int uploadsInFlight(boolean anonymous) {
    return anonymous ? guards.anonymousUploads().inUse() : guards.uploads().inUse();
  }

  /** Answers a request Vert.x could not parse (a garbled request line or headers) in the API's error shape. */
  public void invalidRequest(HttpServerRequest request) {
    ErrorHandler.invalidRequest(request);
  }

  /**
   * A new router over the shared services and request guards, for one HTTP verticle instance;
   * callable from any context. The guards (upload slots, body deadlines) are shared, so their
   * limits hold for the instance as a whole, whatever the number of event loops.
   */
  public Router router() {
    List<String> found = new ArrayList<>();
    Router root = Router.router(vertx);
    root.route().handler(BodyReader::pause);
    root.route().handler(HttpApi::securityHeaders);
    root.route().handler(RequestTarget::check);
    root.get("/metrics").handler(metrics::handle);
    root.route("/api/*").subRouter(api(found));
    root.route().handler(new DashboardFiles(authenticator)::handle);
    root.route(DashboardFiles.ECHARTS_PATH + "*").handler(DashboardFiles.echarts());
    root.route().handler(StaticHandler.create(config.webroot().toString()).setCachingEnabled(false)
        .setIndexPage("index.html"));
    root.route().handler(ctx -> ctx.fail(404));
    root.route().failureHandler(ErrorHandler::handle);
    routes = List.copyOf(found);
    return root;
  }

  private Router api(List<String> found) {
    Router api = Router.router(vertx);
    api.get("/v1/health").handler(new HealthHandler(services.mongo(), services.redis(), services.connectors())::handle);
    IngestHandler ingest = new IngestHandler(services.pipeline(), services.ingestToken());
    api.post("/v1/mentions").handler(ingest::authorize)
        .handler(guards.bodies().read(BodyReader.INGEST_LIMIT, guards.uploads())).handler(BodyReader::finished)
        .handler(ingest::handle);
    MetaWebhookHandler meta = new MetaWebhookHandler(services.metaWebhooks());
    api.get("/v1/meta/webhook").handler(meta::verify);
    api.post("/v1/meta/webhook").handler(guards.bodies().read(MetaWebhookHandler.BODY_LIMIT, guards.anonymousUploads()))
        .handler(BodyReader::finished).handler(meta::deliver);
    api.get("/v1/openapi.json").handler(new OpenApiRoute(vertx, () -> routes)::handle);
    api.get("/v1/live").handler(new LiveSocket(vertx, services.auth(), guards.csrf(), config.idleTimeout())::handle);
    Router v1 = v1();
    api.route("/v1/*").subRouter(v1);
    api.route().failureHandler(ErrorHandler::handle);
    api.route().handler(ctx -> ctx.fail(404));
    remember(found, "/api", api.getRoutes());
    remember(found, "/api/v1", v1.getRoutes());
    return api;
  }

  /** Sign-in first; then every route authenticates, passes the CSRF check and reads a small JSON body. */
  private Router v1() {
    Router v1 = Router.router(vertx);
    SessionRoutes sessions = new SessionRoutes(services.auth(), guards, services.accountAudit());
    sessions.mountSignIn(v1);
    v1.route().handler(authenticator::handle).handler(PasswordGate::handle).handler(guards.csrf()::handle);
    v1.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
        .handler(Bodies::requireJson)
        .handler(guards.bodies().read(BodyReader.SMALL_LIMIT, guards.uploads())).handler(BodyReader::finished);
    sessions.mount(v1);
    new UserRoutes(services.people(), services.brands().directory(), guards, services.accountAudit()).mount(v1);
    new CaseListRoutes(services.inbox(), services.brands().directory()).mount(v1);
    new CaseRoutes(services.inbox(), services.caseChanges(), services.replies()).mount(v1);
    new TemplateRoutes(services.templates(), services.replies()).mount(v1);
    new ViewRoutes(services.views(), services.inbox()).mount(v1);
    new WebhookRoutes(services.webhooks()).mount(v1);
    new ApprovalRoutes(services.approvals(), services.approvalPolicies(), Clock.systemUTC(),
        services.broadcasts().service()).mount(v1);
    new BroadcastRoutes(services.broadcasts().service(), services.broadcasts().templates()).mount(v1);
    new EngagementRoutes(new io.earshot.store.EngagementSamples(services.mongo())).mount(v1);
    new BrandRoutes(services.brands().service()).mount(v1);
    new ConnectorRoutes(services.connectorAccounts(), Clock.systemUTC()).mount(v1);
    new AuditRoutes(new AuditLog(services.mongo())).mount(v1);
    new CaseworkRoutes(services.casework()).mount(v1);
    new TagRoutes(services.casework().tags()).mount(v1);
    new SlaRoutes(services.slaPolicies()).mount(v1);
    new TeamRoutes(services.assign().teams()).mount(v1);
    new RoutingRoutes(services.assign().policies(), services.assign().people()).mount(v1);
    new ProblemRoutes(services.problems(), services.broadcasts().service()).mount(v1);
    new ProblemBroadcastRoutes(services.problems(), services.broadcasts().service()).mount(v1);
    new DepartmentRoutes(services.problems().departments()).mount(v1);
    new AlertRoutes(services.problems().alerts()).mount(v1);
    new AnalyticsRoutes(Analytics.service(services.mongo(), services.brands().directory()), Clock.systemUTC()).mount(v1);
    new PresenceRoutes(services.assign().presence(), new io.earshot.store.CaseStore(services.mongo())).mount(v1);
    new ModerationRoutes(services.moderation(), services.inbox()).mount(v1);
    return v1;
  }

  private static void remember(List<String> found, String prefix, List<Route> mounted) {
    for (Route route : mounted) {
      if (route.getPath() != null && route.methods() != null && !route.getPath().equals("/v1/")) {
        route.methods().forEach(m -> found.add(m.name() + " " + prefix + route.getPath()));
      }
    }
  }

  /**
   * Every state-changing route as {@code "METHOD /api/v1/path/:param"}, read from the router
   * itself, so a test of the CSRF rules covers routes added later without being told.
   */
  public List<String> stateChangingRoutes() {
    return routes.stream().filter(r -> STATE_CHANGING.contains(HttpMethod.valueOf(r.split(" ", 2)[0]))).toList();
  }

  /**
   * Every routed method and path ({@code "GET /api/v1/cases/:id"}), read from the router, so the
   * hostile-input test sends its garbage to routes added later without being told.
   */
  public List<String> routes() {
    return routes;
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
}

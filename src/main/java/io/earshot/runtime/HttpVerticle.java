package io.earshot.runtime;

import io.earshot.web.HttpApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * One HTTP server on this verticle's event loop, with a router of its own over the shared API.
 * Deployed in several instances on one port: Vert.x hands each new connection to the next
 * instance, so requests spread over as many event loops. Counts the requests it serves, labelled
 * with its loop, which shows how evenly they spread.
 */
public final class HttpVerticle extends VerticleBase {
  private final HttpApi api;
  private final int port;
  private final MeterRegistry registry;
  private HttpServer server;

  public HttpVerticle(HttpApi api, int port, MeterRegistry registry) {
    this.api = api;
    this.port = port;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router router = api.router();
    Counter served = Counter.builder("earshot.http.requests.by.loop")
        .description("HTTP requests served, by the event loop of the HTTP verticle instance")
        .tag("loop", Thread.currentThread().getName()).register(registry);
    return vertx.createHttpServer(api.serverOptions())
        .requestHandler(request -> {
          served.increment();
          router.handle(request);
        })
        // A request Vert.x cannot parse still gets an answer in the API's error shape.
        .invalidRequestHandler(api::invalidRequest)
        .listen(port)
        .onSuccess(listening -> server = listening);
  }

  /** The port really bound: the configured one, or the one the system picked for port 0. */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}

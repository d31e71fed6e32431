package io.earshot.runtime;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verticles of one hub, deployed in order and undeployed in reverse, so what a verticle
 * depends on (the pipeline under the connectors, the connectors under the publisher) is still
 * there while it stops. Used from the hub's own context only.
 */
public final class Deployments {
  private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);
  private final Vertx vertx;
  private final Deque<Deployed> deployed = new ArrayDeque<>();

  private record Deployed(String name, String id) {
  }

  public Deployments(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Deploys one instance of {@code verticle}; completes once its {@code start()} chain has. */
  public <V extends VerticleBase> Future<V> deploy(String name, V verticle) {
    return vertx.deployVerticle(verticle).map(id -> {
      deployed.push(new Deployed(name, id));
      return verticle;
    });
  }

  /** Deploys {@code instances} of a verticle, each on an event loop of its own where there are enough. */
  public Future<Void> deploy(String name, Supplier<? extends VerticleBase> verticles, int instances) {
    return vertx.deployVerticle(verticles, new DeploymentOptions().setInstances(instances)).map(id -> {
      deployed.push(new Deployed(name, id));
      return null;
    });
  }

  /** Undeploys everything, the last deployed first; never fails. */
  public Future<Void> undeployAll() {
    Deployed next = deployed.poll();
    if (next == null) {
      return Future.succeededFuture();
    }
    return vertx.undeploy(next.id())
        .onFailure(e -> LOG.warn("verticle {} did not stop cleanly: {}", next.name(), e.toString()))
        .transform(done -> undeployAll());
  }
}

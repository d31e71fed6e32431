package io.earshot;

import io.earshot.auth.Passwords;
import io.earshot.config.EarshotConfig;
import io.earshot.demo.sandbox.DemoBrands;
import io.earshot.demo.sandbox.DemoPlatforms;
import io.earshot.demo.sandbox.SandboxOptions;
import io.earshot.demo.sandbox.SandboxPlatform;
import io.earshot.domain.BrandLifecycle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo side of one instance in sandbox mode: the built-in sandbox network and the demo
 * platforms (Mastodon, Bluesky and X emulators), where they listen, and the sandbox's brands.
 * With the sandbox off it starts nothing and adds nothing. The composition root is the only
 * place that wires {@code demo/}, and this is that part of it.
 */
final class HubDemo {
  private static final Logger LOG = LoggerFactory.getLogger(HubDemo.class);
  private final Vertx vertx;
  private final EarshotConfig.Demo config;
  private SandboxPlatform sandbox;
  private DemoPlatforms platforms;

  HubDemo(Vertx vertx, EarshotConfig.Demo config) {
    this.vertx = vertx;
    this.config = config;
  }

  Future<Void> start() {
    if (!config.sandbox()) {
      return Future.succeededFuture();
    }
    sandbox = new SandboxPlatform(vertx, SandboxOptions.live(Passwords.token(), System.nanoTime()));
    platforms = new DemoPlatforms(vertx, config.mentionInterval().toMillis(), System.nanoTime());
    return sandbox.start(0).onSuccess(p -> LOG.info("sandbox platform streaming at {}", sandbox.baseUrl()))
        .compose(p -> platforms.start())
        .onSuccess(v -> LOG.info("demo platforms (Mastodon, Bluesky, X, Facebook, Instagram, Threads emulators) streaming every ~{} ms",
            config.mentionInterval().toMillis()));
  }

  /** Connector accounts see the environment plus where the sandbox and demo platforms listen. */
  Map<String, String> variables(Map<String, String> env) {
    Map<String, String> vars = new HashMap<>(env);
    if (sandbox != null) {
      vars.put("EARSHOT_SANDBOX_URL", sandbox.baseUrl());
      vars.put("EARSHOT_SANDBOX_TOKEN", sandbox.token());
    }
    if (platforms != null) {
      vars.putAll(platforms.variables());
    }
    return vars;
  }

  /** The sandbox's brands, created at start-up in sandbox mode. */
  List<BrandLifecycle.Draft> brands() {
    return sandbox == null ? List.of() : DemoBrands.drafts();
  }

  /** The demo platforms' emulators in sandbox mode, else null. */
  DemoPlatforms platforms() {
    return platforms;
  }

  Future<Void> stop() {
    Future<Void> stopped = sandbox == null ? Future.succeededFuture() : sandbox.stop();
    return stopped.eventually(() -> platforms == null ? Future.succeededFuture() : platforms.stop());
  }
}

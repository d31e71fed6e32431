package io.earshot.web;

import io.earshot.connector.meta.MetaWebhooks;
import io.earshot.error.DomainError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/meta/webhook}: Meta's subscription handshake ({@code hub.mode=subscribe},
 * {@code hub.verify_token}; answers {@code hub.challenge} as plain text, 403 otherwise).
 * {@code POST /api/v1/meta/webhook}: a delivery, without session or token, trusted only when
 * {@code X-Hub-Signature-256} matches its raw body under a configured app secret (401
 * otherwise, before anything is parsed). A verified delivery brings the named accounts' next
 * poll forward and answers 200 at once, as Meta asks; only Instagram @mentions it names are read
 * and stored before it answers (503 when that fails, so Meta delivers it again).
 */
final class MetaWebhookHandler {
  /** Meta batches changes, but a delivery is kilobytes: a megabyte is ample. */
  static final long BODY_LIMIT = 1024L * 1024;
  private final MetaWebhooks webhooks;

  MetaWebhookHandler(MetaWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  void verify(RoutingContext ctx) {
    String mode = ctx.request().getParam("hub.mode");
    String challenge = ctx.request().getParam("hub.challenge");
    if (!"subscribe".equals(mode)) {
      throw new DomainError.Invalid("hub.mode", "must be 'subscribe'");
    }
    if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{1,128}")) {
      throw new DomainError.Invalid("hub.challenge", "must be 1 to 128 letters, digits, '_' or '-'");
    }
    if (!webhooks.verifyTokenMatches(ctx.request().getParam("hub.verify_token"))) {
      throw new DomainError.Forbidden("hub.verify_token matches no Meta account's verifyToken");
    }
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(challenge);
  }

  /** After the body reader: the signature is checked on the bytes exactly as they came. */
  void deliver(RoutingContext ctx) {
    byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (!webhooks.signedByMeta(raw, ctx.request().getHeader("X-Hub-Signature-256"))) {
      throw new DomainError.Unauthenticated("X-Hub-Signature-256 is missing or does not match the body");
    }
    JsonObject delivery;
    try {
      delivery = new JsonObject(ctx.body().buffer());
    } catch (DecodeException | ClassCastException e) {
      throw new DomainError.Invalid("body", "is not a JSON object");
    }
    webhooks.deliver(delivery).onSuccess(d -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("received", true).put("woken", d.woken()).put("mentions", d.mentions()).encode()))
        .onFailure(e -> ctx.fail(e instanceof DomainError ? e
            : new DomainError.Unavailable("platform", "the mentions this delivery names could not be read and stored ("
                + e.getMessage() + "); Meta delivers again", 5)));
  }
}

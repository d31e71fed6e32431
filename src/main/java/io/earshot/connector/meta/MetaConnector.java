package io.earshot.connector.meta;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Moderating;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.http.Options;
import io.earshot.domain.Engagement;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Facebook Page ({@code platform: facebook}) or the Instagram professional account linked to
 * it ({@code platform: instagram}) over Meta's Graph API, with a long-lived Page access token.
 * Comments on the recent posts are read by polling ({@link MetaCatchUp}); Meta's webhook
 * deliveries, checked by the hub's receiver, only {@link #poke()} the next poll forward, so the
 * cursor stays the one record of what was stored. Replies go under the comment
 * ({@link MetaReplies}). Futures fail with {@link ConnectorException} subtypes as
 * {@link GraphClient} maps Graph's error codes.
 */
public final class MetaConnector implements Connector, Moderating {
  private static final Logger LOG = LoggerFactory.getLogger(MetaConnector.class);
  private final ConnectorAccount account;
  private final MetaSurface surface;
  private final GraphClient graph;
  private final MetaCatchUp catchUp;
  private final MetaReplies replies;
  private final MetaMentions mentions;
  private volatile String ownerId;
  private volatile String pageId;
  private volatile Runnable wake;

  public MetaConnector(Vertx vertx, ConnectorAccount account, Meter meter) {
    String token = account.credential("accessToken");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(account.platform().code() + " account " + account.name()
          + " needs credentials.accessToken (a long-lived Page access token)");
    }
    this.account = account;
    this.surface = MetaSurface.of(account.platform());
    String base = account.baseUrl() == null || account.baseUrl().isBlank() ? "https://graph.facebook.com" : account.baseUrl();
    String version = String.valueOf(account.options().getOrDefault("graphVersion", "v21.0"));
    this.graph = new GraphClient(vertx, base, version, token, account.credential("appSecret"), meter);
    this.catchUp = new MetaCatchUp(graph, surface, account.name(), Options.intOption(account, "pageSize", 50, 1, 100),
        Options.intOption(account, "recentPosts", 25, 1, 100));
    this.replies = new MetaReplies(graph, surface, account.name());
    this.mentions = new MetaMentions(graph, account.name());
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  /** A Page token's {@code /me} is the Page; its Instagram account is the Page's linked one. */
  @Override
  public Future<Void> start() {
    return graph.get("/me", Map.of("fields", "id,name,instagram_business_account")).compose(page -> {
      pageId = page.getString("id");
      if (surface == MetaSurface.FACEBOOK) {
        ownerId = pageId;
        LOG.info("meta connected account={} page={}", account.name(), pageId);
        return Future.succeededFuture();
      }
      JsonObject ig = page.getJsonObject("instagram_business_account");
      if (ig == null || ig.getString("id") == null) {
        return Future.failedFuture(new ConnectorException.Unauthorized("page " + pageId
            + " has no linked Instagram professional account (or the token lacks instagram_basic)"));
      }
      ownerId = ig.getString("id");
      LOG.info("meta connected account={} page={} instagram={}", account.name(), pageId, ownerId);
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<PollResult> poll(String cursor) {
    return catchUp.poll(cursor, ownerId, ownerId);
  }

  @Override
  public Future<String> publish(OutgoingPost post) {
    return replies.publish(post, ownerId, ownerId);
  }

  @Override
  public Future<Map<String, Engagement>> engagement(List<String> externalIds) {
    return replies.engagement(externalIds);
  }

  /** Meta counts characters: 8,000 in a Facebook comment, 2,200 in an Instagram one ({@link MetaReplyRules}). */
  @Override
  public ReplyCheck checkReply(String text) {
    return MetaReplyRules.check(surface, text, null);
  }

  /** The rules, and where a reply to {@code target} lands (one level of replies). */
  @Override
  public ReplyCheck checkReply(String text, io.earshot.domain.Mention target) {
    return MetaReplyRules.check(surface, text, target);
  }

  /** Hides (or shows again) a comment under the brand's post. */
  @Override
  public Future<Void> hide(String commentId, boolean hidden) {
    return replies.hide(commentId, hidden);
  }

  @Override
  public Future<Void> delete(String commentId) {
    return replies.delete(commentId);
  }

  /**
   * The Instagram @mention a verified webhook {@code mentions} change names (its {@code value}),
   * read from Graph; null when {@code objectId} is not this account's Instagram account. Learns
   * the account first on an instance that has not polled it ({@link #start()} is idempotent).
   */
  public Future<io.earshot.domain.Mention> mentioned(String objectId, JsonObject value) {
    if (surface != MetaSurface.INSTAGRAM) {
      return Future.succeededFuture();
    }
    Future<Void> known = ownerId != null ? Future.succeededFuture() : start();
    return known.compose(v -> objectId == null || !objectId.equals(ownerId) ? Future.succeededFuture()
        : mentions.read(ownerId, value));
  }

  /** Webhook deliveries arrive over the hub's HTTP API, not a connection of ours: nothing to open. */
  @Override
  public void watch(Runnable wakeUp) {
    this.wake = wakeUp;
    wakeUp.run();
  }

  @Override
  public void unwatch() {
    wake = null;
  }

  /**
   * Brings the next poll forward when a verified delivery names this account's Page or Instagram
   * account; true when this instance polls it (another instance's poll interval is the safety net).
   */
  public boolean poke(String objectId) {
    Runnable w = wake;
    if (w == null || objectId == null || !objectId.equals(ownerId)) {
      return false;
    }
    w.run();
    return true;
  }

  /** The app secret deliveries are signed with, and the token the subscription handshake names. */
  public String appSecret() {
    return account.credential("appSecret");
  }

  public String verifyToken() {
    return account.credential("verifyToken");
  }

  @Override
  public Future<Void> stop() {
    graph.close();
    return Future.succeededFuture();
  }
}

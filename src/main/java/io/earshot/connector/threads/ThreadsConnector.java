package io.earshot.connector.threads;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.ConnectorServices;
import io.earshot.connector.Moderating;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.http.Options;
import io.earshot.connector.meta.GraphClient;
import io.earshot.domain.Engagement;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Threads profile ({@code platform: threads}) over Meta's Threads API ({@code graph.threads.net},
 * {@code v1.0}) with a long-lived Threads user access token: replies to the profile's recent posts
 * and posts that tag it are read by polling ({@link ThreadsCatchUp}; Threads' webhooks are not
 * used), replies go out as a text container published in a second step ({@link ThreadsReplies}),
 * and the brand can hide (and show again) replies under its posts. Futures fail with
 * {@link ConnectorException} subtypes as {@link GraphClient} maps Meta's error codes (190: the
 * token is refused).
 */
public final class ThreadsConnector implements Connector, Moderating {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadsConnector.class);
  private final ConnectorAccount account;
  private final GraphClient graph;
  private final ThreadsCatchUp catchUp;
  private final ThreadsReplies replies;
  private volatile String userId;
  private volatile String username;

  public ThreadsConnector(Vertx vertx, ConnectorAccount account, ConnectorServices services) {
    String token = account.credential("accessToken");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("threads account " + account.name()
          + " needs credentials.accessToken (a long-lived Threads user access token)");
    }
    this.account = account;
    String base = account.baseUrl() == null || account.baseUrl().isBlank() ? "https://graph.threads.net" : account.baseUrl();
    String version = String.valueOf(account.options().getOrDefault("apiVersion", "v1.0"));
    this.graph = new GraphClient(vertx, base, version, token, null, services.meter());
    this.catchUp = new ThreadsCatchUp(graph, account.name(), Options.intOption(account, "pageSize", 50, 1, 100),
        Options.intOption(account, "recentPosts", 25, 1, 100), Options.boolOption(account, "mentions", true));
    this.replies = new ThreadsReplies(graph, account.name(), services.attempts());
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  /** A Threads user token's {@code /me} is the profile. */
  @Override
  public Future<Void> start() {
    return graph.get("/me", Map.of("fields", "id,username")).compose(me -> {
      if (me.getString("id") == null || me.getString("username") == null) {
        return Future.failedFuture(new ConnectorException.Transient("threads /me answered no id or username", null));
      }
      userId = me.getString("id");
      username = me.getString("username");
      LOG.info("threads connected account={} profile={} user={}", account.name(), username, userId);
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<PollResult> poll(String cursor) {
    return catchUp.poll(cursor, userId, username);
  }

  @Override
  public Future<String> publish(OutgoingPost post) {
    if (post.isPrivate()) {
      return Future.failedFuture(new ConnectorException.Rejected("Threads has no private messages in its API"));
    }
    return replies.publish(post, userId, username);
  }

  @Override
  public Future<Map<String, Engagement>> engagement(List<String> externalIds) {
    return replies.engagement(externalIds);
  }

  /** 500 characters, emoji counted as their UTF-8 bytes, at most 5 links ({@link ThreadsReplyRules}). */
  @Override
  public ReplyCheck checkReply(String text) {
    return ThreadsReplyRules.check(text);
  }

  @Override
  public Future<Void> hide(String replyId, boolean hidden) {
    return replies.hide(replyId, hidden);
  }

  /** Threads' API deletes only the profile's own posts: a customer's reply can be hidden, not deleted. */
  @Override
  public boolean deletes() {
    return false;
  }

  @Override
  public Future<Void> delete(String replyId) {
    return Future.failedFuture(new ConnectorException.Rejected("Threads lets a profile delete only its own posts;"
        + " hide the reply instead"));
  }

  @Override
  public Future<Void> stop() {
    graph.close();
    return Future.succeededFuture();
  }
}

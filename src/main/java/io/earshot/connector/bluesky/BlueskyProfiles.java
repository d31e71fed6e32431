package io.earshot.connector.bluesky;

import io.earshot.connector.PollResult;
import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notification authors come as ProfileView, without follower counts, yet triage weighs reach.
 * One getProfiles call per 25 distinct authors fills them in. Follower counts are a nicety: if
 * the call fails (rate limit included) the page is returned with 0 rather than not at all.
 */
final class BlueskyProfiles {
  private static final Logger LOG = LoggerFactory.getLogger(BlueskyProfiles.class);
  private final BlueskySession session;
  private final Function<String, HttpRequest<Buffer>> getProfiles;

  BlueskyProfiles(BlueskySession session, Function<String, HttpRequest<Buffer>> getProfiles) {
    this.session = session;
    this.getProfiles = getProfiles;
  }

  Future<PollResult> withFollowers(PollResult page) {
    List<String> dids = page.mentions().stream().map(m -> m.author().id()).distinct().toList();
    List<Future<Map<String, Long>>> batches = new ArrayList<>();
    for (int i = 0; i < dids.size(); i += 25) {
      batches.add(followers(dids.subList(i, Math.min(dids.size(), i + 25))));
    }
    return Future.all(batches)
        .map(all -> {
          Map<String, Long> followers = new HashMap<>();
          batches.forEach(b -> followers.putAll(b.result()));
          return new PollResult(page.mentions().stream().map(m -> withCount(m, followers)).toList(),
              page.nextCursor(), page.skippedMalformed(), page.more());
        })
        .otherwise(e -> {
          LOG.warn("bluesky follower counts unavailable, keeping 0: {}", e.getMessage());
          return page;
        });
  }

  private Future<Map<String, Long>> followers(List<String> dids) {
    return session.call(jwt -> {
          HttpRequest<Buffer> req = getProfiles.apply(jwt);
          dids.forEach(d -> req.addQueryParam("actors", d));
          return req;
        }, HttpRequest::send, "getProfiles")
        .map(r -> {
          Map<String, Long> out = new HashMap<>();
          r.bodyAsJsonObject().getJsonArray("profiles").stream().map(JsonObject.class::cast)
              .forEach(p -> out.put(p.getString("did"), p.getLong("followersCount", 0L)));
          return out;
        });
  }

  private static Mention withCount(Mention m, Map<String, Long> followers) {
    Long count = followers.get(m.author().id());
    if (count == null) {
      return m;
    }
    Author a = m.author();
    return Mention.incoming(m.platform(), m.account(), m.externalId(),
        new Author(a.id(), a.handle(), a.name(), count, a.verified()), m.text(), m.createdAt(),
        m.inReplyTo(), m.url(), m.lang(), m.meta()).withVisibility(m.visibility());
  }
}

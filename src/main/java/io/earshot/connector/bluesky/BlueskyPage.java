package io.earshot.connector.bluesky;

import io.earshot.connector.PollResult;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One step of the backward walk described in {@link BlueskyCursor}. */
final class BlueskyPage {
  private static final Logger LOG = LoggerFactory.getLogger(BlueskyPage.class);
  private final String accountName;
  private final BlueskyCursor from;
  private final List<Mention> mentions = new ArrayList<>();
  private Instant pageTop;
  private final Set<String> pageTopUris = new HashSet<>();
  private boolean reachedSeen;
  private int skipped;

  BlueskyPage(String accountName, BlueskyCursor from) {
    this.accountName = accountName;
    this.from = from;
  }

  PollResult read(JsonObject body) {
    JsonArray items = body.getJsonArray("notifications", new JsonArray());
    for (int i = 0; i < items.size(); i++) {
      accept(items.getValue(i));
    }
    String older = body.getString("cursor");
    // A page emptied by deleted or hidden posts still has older pages behind its cursor; only the
    // mark, the end of the history (no cursor) or a cursor that did not move ends the walk.
    boolean done = reachedSeen || older == null || older.equals(from.page());
    Instant top = from.walking() ? from.topAt() : pageTop;
    Set<String> topUris = from.walking() ? from.topUris() : Set.copyOf(pageTopUris);
    List<Mention> oldestFirst = new ArrayList<>(mentions);
    java.util.Collections.reverse(oldestFirst);
    if (done) {
      BlueskyCursor next = top == null ? new BlueskyCursor(from.seenAt(), from.seenUris(), null, Set.of(), null)
          : new BlueskyCursor(top, topUris, null, Set.of(), null);
      return new PollResult(oldestFirst, next.encode(), skipped, false);
    }
    BlueskyCursor next = new BlueskyCursor(from.seenAt(), from.seenUris(), top, topUris, older);
    return new PollResult(oldestFirst, next.encode(), skipped, true);
  }

  private void accept(Object raw) {
    JsonObject n = raw instanceof JsonObject o ? o : new JsonObject();
    String uri = n.getValue("uri") instanceof String s ? s : null;
    Instant at;
    try {
      at = BlueskyMapper.instant(n.getString("indexedAt"));
    } catch (RuntimeException unordered) {
      skip(uri, unordered);
      return;
    }
    if (!from.isNew(at, uri)) {
      reachedSeen = true;
      return;
    }
    raiseTop(at, uri);
    if (!BlueskyMapper.POST_REASONS.contains(n.getValue("reason"))) {
      return;
    }
    try {
      mentions.add(BlueskyMapper.mention(accountName, n));
    } catch (RuntimeException malformed) {
      skip(uri, malformed);
    }
  }

  private void raiseTop(Instant at, String uri) {
    if (pageTop == null || at.isAfter(pageTop)) {
      pageTop = at;
      pageTopUris.clear();
    }
    if (at.equals(pageTop)) {
      pageTopUris.add(uri);
    }
  }

  private void skip(String uri, RuntimeException why) {
    skipped++;
    LOG.warn("bluesky skipped malformed notification account={} uri={}: {}", accountName, uri, why.toString());
  }
}

package io.earshot.broadcast;

import io.earshot.domain.Engagement;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyState;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastState;
import io.earshot.domain.broadcast.Notice;
import io.earshot.domain.broadcast.NoticeCounts;
import io.earshot.store.NoticeStore;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads where a broadcast's posts and notices stand from the outbox itself (the replies' own
 * states), so the API, the live progress and the runner's "is it done" all count the same way.
 */
final class ProgressReads {
  private final NoticeStore notices;
  private final ReplyStore replies;

  ProgressReads(NoticeStore notices, ReplyStore replies) {
    this.notices = notices;
    this.replies = replies;
  }

  Future<BroadcastView> view(Broadcast b) {
    List<String> postIds = b.accounts().stream().map(a -> Notice.postIdOf(b.id(), a)).toList();
    return notices.ofBroadcast(b.id()).compose(made -> {
      List<String> ids = new ArrayList<>(postIds);
      made.forEach(n -> ids.add(n.replyId()));
      return replies.byIds(ids).map(found -> view(b, made, found.stream()
          .collect(Collectors.toMap(Reply::id, Function.identity()))));
    });
  }

  private static BroadcastView view(Broadcast b, List<Notice> made, Map<String, Reply> byId) {
    List<BroadcastView.Post> posts = b.accounts().stream()
        .map(a -> new BroadcastView.Post(a, byId.get(Notice.postIdOf(b.id(), a)))).toList();
    Map<String, NoticeCounts> byAccount = new LinkedHashMap<>();
    Engagement earned = Engagement.none();
    for (Notice n : made) {
      Reply r = byId.get(n.replyId());
      if (r != null && r.state() == ReplyState.SENT && r.engagement() != null) {
        earned = earned.plus(r.engagement());
      }
      NoticeCounts one = r != null && r.state() == ReplyState.SENT ? new NoticeCounts(1, 1, 0, 0)
          : r != null && r.state() == ReplyState.FAILED ? new NoticeCounts(1, 0, 0, 1) : new NoticeCounts(1, 0, 1, 0);
      byAccount.merge(n.account(), one, NoticeCounts::plus);
    }
    NoticeCounts all = byAccount.values().stream().reduce(NoticeCounts.NONE, NoticeCounts::plus);
    int unmade = b.state() == BroadcastState.REJECTED ? 0 : Math.max(0, b.noticesTotal() - all.total());
    all = all.plus(new NoticeCounts(unmade, 0, unmade, 0));
    return new BroadcastView(b, posts, all, byAccount, earned);
  }
}

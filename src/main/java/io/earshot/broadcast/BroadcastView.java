package io.earshot.broadcast;

import io.earshot.domain.Engagement;
import io.earshot.domain.Reply;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeCounts;
import java.util.List;
import java.util.Map;

/**
 * A broadcast with where its outbox rows stand: each account's public post (null reply: not
 * created yet), the notices counted per account and in all, and what the sent notices earned
 * together ({@code noticeEngagement}: their last readings added up).
 */
public record BroadcastView(Broadcast broadcast, List<Post> posts, NoticeCounts notices,
                            Map<String, NoticeCounts> noticesByAccount, Engagement noticeEngagement) {
  /** One account's public post; {@code reply} null until the runner created it. */
  public record Post(String account, Reply reply) {
    public String state() {
      return reply == null ? "queued" : switch (reply.state()) {
        case SENT, FAILED -> reply.state().code();
        case PENDING_APPROVAL, DRAFT -> "pending_approval";
        case REJECTED -> "failed";
        default -> "queued";
      };
    }
  }

  /** The posts' states by account, for the live progress event. */
  public Map<String, String> postStates() {
    Map<String, String> states = new java.util.LinkedHashMap<>();
    posts.forEach(p -> states.put(p.account(), p.state()));
    return states;
  }
}

package io.earshot.demo.sandbox;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The "hang the next publish" switch. When armed, the next new brand post is stored first and
 * only its HTTP answer is withheld until {@link #release()}: that is exactly the window in which
 * a hub may crash after the platform accepted a post but before it recorded the outcome.
 */
final class PublishHold {
  private record Held(Context context, Runnable answer) {
  }

  private final List<Held> held = new ArrayList<>();
  private boolean armed;

  synchronized void arm() {
    armed = true;
  }

  synchronized boolean armed() {
    return armed;
  }

  synchronized int heldCount() {
    return held.size();
  }

  /** Withholds {@code answer} if armed (disarming), else returns false and the caller answers. */
  synchronized boolean tryHold(Context context, Runnable answer) {
    if (!armed) {
      return false;
    }
    armed = false;
    held.add(new Held(context, answer));
    return true;
  }

  /** Sends every withheld answer on its own request's context; returns how many. */
  int release() {
    List<Held> toSend;
    synchronized (this) {
      armed = false;
      toSend = List.copyOf(held);
      held.clear();
    }
    toSend.forEach(h -> h.context().runOnContext(v -> h.answer().run()));
    return toSend.size();
  }
}

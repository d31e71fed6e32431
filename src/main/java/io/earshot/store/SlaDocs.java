package io.earshot.store;

import io.earshot.domain.SlaClock;
import io.earshot.domain.SlaClock.Target;
import org.bson.Document;

/**
 * Maps a case's {@link SlaClock} to and from the {@code sla} subdocument of its case: the
 * summary at its top ({@code state}, {@code dueAt}: what the inbox filters and sorts on) and one
 * subdocument per target.
 */
final class SlaDocs {
  private SlaDocs() {
  }

  static Document toDoc(SlaClock s) {
    if (s == null) {
      return null;
    }
    return new Document("state", s.state().code()).append("dueAt", Dates.of(s.dueAt())).append("band", s.band())
        .append("policyVersion", s.policyVersion()).append("pausedAt", Dates.of(s.pausedAt()))
        .append("firstResponse", target(s.firstResponse())).append("nextResponse", target(s.nextResponse()))
        .append("resolution", target(s.resolution()));
  }

  static SlaClock fromDoc(Document d) {
    if (d == null) {
      return null;
    }
    Number version = d.get("policyVersion", Number.class);
    return new SlaClock(d.getString("band"), version == null ? 0 : version.longValue(),
        target(d.get("firstResponse", Document.class)), target(d.get("nextResponse", Document.class)),
        target(d.get("resolution", Document.class)), Dates.instant(d.get("pausedAt")),
        SlaClock.State.fromCode(d.getString("state")), Dates.instant(d.get("dueAt")));
  }

  private static Document target(Target t) {
    if (t == null) {
      return null;
    }
    return new Document("minutes", t.minutes()).append("startedAt", Dates.of(t.startedAt()))
        .append("warnAt", Dates.of(t.warnAt())).append("dueAt", Dates.of(t.dueAt()))
        .append("leftSeconds", t.leftSeconds()).append("metAt", Dates.of(t.metAt()))
        .append("warned", t.warned()).append("breached", t.breached());
  }

  private static Target target(Document d) {
    if (d == null) {
      return null;
    }
    Number left = d.get("leftSeconds", Number.class);
    return new Target(d.get("minutes", Number.class).longValue(), Dates.instant(d.get("startedAt")),
        Dates.instant(d.get("warnAt")), Dates.instant(d.get("dueAt")), left == null ? null : left.longValue(),
        Dates.instant(d.get("metAt")), d.getBoolean("warned", false), d.getBoolean("breached", false));
  }
}

package io.earshot.presence;

import java.time.Instant;
import java.util.List;

/** Who is looking at a case and who is typing on it, each until when their signal lasts. */
public record Presence(String caseId, List<Seen> viewing, List<Seen> typing) {
  public Presence {
    viewing = List.copyOf(viewing);
    typing = List.copyOf(typing);
  }

  /** One person's signal and when it lapses unless refreshed. */
  public record Seen(String username, Instant until) {
  }

  public List<String> typists() {
    return typing.stream().map(Seen::username).toList();
  }
}

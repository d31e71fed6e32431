package io.earshot.publish;

import io.earshot.store.UserStore.StoredUser;

/**
 * The author of a templated reply as templates see it: {@code {{agent.name}}} (their display
 * name, or their username when they have none), {@code {{agent.signature}}} (their signature for
 * the case's brand, empty when none) and, as templates written before these existed use it,
 * {@code {{agent}}} alone for the username.
 */
public record TemplateAgent(String username, String name, String signature) {

  static TemplateAgent of(String username, StoredUser person, String brand) {
    String name = person == null || person.displayName() == null ? username : person.displayName();
    String signature = person == null || brand == null ? "" : person.signatures().getOrDefault(brand, "");
    return new TemplateAgent(username, name, signature);
  }

  @Override
  public String toString() {
    return username;
  }
}

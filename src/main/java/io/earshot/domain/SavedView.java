package io.earshot.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A named case list an agent keeps: the list's filter parameters as the API takes them
 * ({@code status}, {@code assignee}, {@code q}, …), its sort, and whether the whole team sees it
 * ({@code shared}) or only its {@code owner}. {@code version} grows with every change.
 */
public record SavedView(String id, String owner, String name, Map<String, String> filters, String sort,
                        boolean shared, Instant createdAt, Instant updatedAt, long version) {
  public SavedView {
    filters = Map.copyOf(filters);
  }

  /**
   * Who may change or delete it: its owner; a shared view also a manager or an admin, who
   * look after the team's views (an agent who left cannot leave one behind for good).
   */
  public boolean changeableBy(String username, boolean curator) {
    return owner.equals(username) || (shared && curator);
  }

  public boolean visibleTo(String username) {
    return shared || owner.equals(username);
  }
}

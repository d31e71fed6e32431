package io.earshot.find;

import java.time.Instant;
import java.util.List;

/**
 * What a case list asks for: every criterion is optional (null or empty: any). {@code statuses}
 * are status codes; {@code assignee} is a username, {@link #NOBODY} for unassigned cases, or
 * {@code team:<name>}; {@code from}/{@code to} bound the case's last mention (to exclusive);
 * {@code text} is a full-text query over mentions, the customer's handle and name, and notes.
 * {@code customerId} is for a customer's history, not the public API.
 */
public record CaseFilter(List<String> statuses, String brand, String platform, String assignee, String tag,
                         String sentiment, String reason, Integer priorityMin, Integer priorityMax, String sla,
                         Instant from, Instant to, String text, String problem, String customerId) {
  /** The assignee of cases nobody holds. */
  public static final String NOBODY = "none";
  /** How a team is named in {@code assignee}. */
  public static final String TEAM_PREFIX = "team:";

  public CaseFilter {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }

  public static CaseFilter any() {
    return new CaseFilter(List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  public static CaseFilter ofCustomer(String customerId) {
    return new CaseFilter(List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null,
        customerId);
  }

  /** The same filter with other statuses (the tab counts ask each status of one filter). */
  public CaseFilter withStatuses(List<String> next) {
    return new CaseFilter(next, brand, platform, assignee, tag, sentiment, reason, priorityMin, priorityMax, sla,
        from, to, text, problem, customerId);
  }
}

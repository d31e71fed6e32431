package io.earshot.domain.approval;

import java.util.Arrays;
import java.util.Optional;

/** What an approval rule can hold: a reply to one customer, or a one-to-many brand post. */
public enum ApprovalKind {
  REPLY, BROADCAST;

  public String code() {
    return name().toLowerCase();
  }

  public static Optional<ApprovalKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
  }
}

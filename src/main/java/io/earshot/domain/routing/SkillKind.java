package io.earshot.domain.routing;

import io.earshot.domain.CareCase;
import io.earshot.domain.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a case may require of an agent's skills. An agent lists skills as {@code kind:value}
 * ({@code platform:x}, {@code language:de}, {@code brand:tallycloud}, {@code reason:billing}).
 */
public enum SkillKind {
  PLATFORM("platform"), LANGUAGE("language"), BRAND("brand"), REASON("reason");

  private final String code;

  SkillKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<SkillKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** The case's values of this kind (a case may have several contact reasons, or no language). */
  public List<String> valuesOf(CareCase c) {
    return switch (this) {
      case PLATFORM -> List.of(c.platform().code());
      case BRAND -> List.of(c.brand());
      case LANGUAGE -> c.triage() == null || c.triage().lang() == null ? List.of() : List.of(c.triage().lang());
      case REASON -> c.triage() == null ? List.of() : c.triage().reasons().stream().map(Reason::code).toList();
    };
  }
}

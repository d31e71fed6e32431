package io.earshot.domain.routing;

import java.util.Arrays;
import java.util.Optional;

/** How a brand's new cases find an agent: not at all, in turn, or to whoever has the most room. */
public enum RoutingMode {
  OFF("off"), ROUND_ROBIN("round_robin"), LEAST_LOAD("least_load");

  private final String code;

  RoutingMode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<RoutingMode> fromCode(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }
}

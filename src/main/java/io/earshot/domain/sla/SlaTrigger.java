package io.earshot.domain.sla;

import io.earshot.domain.CaseStatus;
import java.time.Instant;

/** What happened to a case that moves its SLA clocks, as {@link SlaLifecycle} reads it. */
public sealed interface SlaTrigger {
  Instant at();

  /** The case opened (at its creation). */
  record Opened(Instant at) implements SlaTrigger {
  }

  /** The customer wrote into the case (a mention added, or a pending or resolved case reopened). */
  record CustomerWrote(Instant at) implements SlaTrigger {
  }

  /** A brand reply in the case was published. */
  record Responded(Instant at) implements SlaTrigger {
  }

  /** Someone (an agent, or the publisher after a reply) moved the case to {@code to}. */
  record StatusChanged(CaseStatus from, CaseStatus to, Instant at) implements SlaTrigger {
  }
}

package io.earshot.demo.emulator;

import java.util.List;

/** Plausible customer-care posts so emulated timelines look like the real thing. */
public final class SampleTexts {
  private static final List<String> OPENINGS = List.of(
      "my order #%d still hasn't arrived, it's been two weeks",
      "the app crashes every time I open the checkout 😡 (build %d)",
      "loving the new update, thanks team! 🎉 #%d",
      "charged twice for invoice %d, who can help?",
      "is the outage in region %d being fixed?",
      "can't log in since this morning, error code %d",
      "great support from your agent today, ticket %d closed in minutes",
      "where do I change the delivery address for order %d?",
      "refund for %d still pending after 10 days. Not OK.",
      "does the pro plan include API access? asking for team %d");
  private static final List<String> FOLLOW_UPS = List.of(
      "any update on this? (%d)", "still waiting… %d", "thanks, that fixed it! %d",
      "DM sent with details, ref %d");

  private SampleTexts() {
  }

  public static String opening(int n) {
    return String.format(OPENINGS.get(Math.floorMod(n, OPENINGS.size())), n);
  }

  public static String followUp(int n) {
    return String.format(FOLLOW_UPS.get(Math.floorMod(n, FOLLOW_UPS.size())), n);
  }
}

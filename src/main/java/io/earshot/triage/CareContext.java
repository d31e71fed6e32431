package io.earshot.triage;

import java.util.Set;

/**
 * Whether a text is customer-care traffic: addressed to someone (it opens with an @mention) or
 * naming a service, an order, a bill or the people behind them. Care phrases such as "again",
 * "do better" or "like to" mean something else in general chatter ("I listen to it again and
 * again", "hope I do better on my test"), so {@link CareRules} only reads them in this context.
 */
final class CareContext {
  /** Words that name a service relationship; prefixes end in '*'. */
  private static final Set<String> SERVICE = WordSets.of("account", "app", "bill", "billed", "billing",
      "booking", "broadband", "charge", "charged", "charges", "courier", "customer", "delivery",
      "delivered", "driver", "engineer", "flight", "fee", "fees", "internet", "invoice", "login",
      "order", "ordered", "package", "parcel", "password", "payment", "plan", "refund",
      "refunded", "reservation", "router", "service", "signal", "subscription", "support",
      "ticket", "website", "wifi", "update", "outage", "agent", "staff", "helpline", "contract",
      "tariff", "luggage", "baggage", "airline", "airport", "store", "shop", "branch", "bank",
      "card", "claim", "complaint", "complained", "meter", "supplier", "provider", "network",
      "server", "servers", "site", "reply", "response", "email", "emailed", "phoned", "called");

  private CareContext() {
  }

  static boolean isCare(Tokens t) {
    return t.startsWithMention || namesService(t);
  }

  static boolean namesService(Tokens t) {
    for (int i = 0; i < t.size; i++) {
      if (t.is(i, WordClasses.SERVICE)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word names a service ({@link WordClasses#SERVICE} is this, found once per word). */
  static boolean namesService(String word) {
    return SERVICE.contains(word);
  }

  static Set<String> serviceWords() {
    return SERVICE;
  }
}

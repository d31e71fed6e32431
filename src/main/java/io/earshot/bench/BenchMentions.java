package io.earshot.bench;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Synthetic but shaped-like-life mentions for benchmarks: a few thousand customers, a mix of
 * complaints, questions and praise, and one in five a reply to the same customer's previous
 * post, so threading does real work.
 */
final class BenchMentions {
  private static final String[] TEXTS = {
      "@VoltMobile my internet has been down since this morning, still no update?",
      "@NimbusAir flight NA%d delayed again and nobody at the gate knows anything",
      "@CartwheelShop order #%d never arrived and support is not answering",
      "@LedgerBank I was charged twice for the same payment, please help",
      "@StreamBox how do I change the plan on my account?",
      "@ForkfulEats thanks, the driver was super friendly and the food was hot!",
      "@VoltMobile third time asking: when will the outage in area %d be fixed",
      "@NimbusAir great crew on today's flight, thank you Anna!"};
  private final SplittableRandom random;
  private final String run;
  private final int customers;
  private final String[] lastPostOfCustomer;
  private long sequence;

  BenchMentions(long seed, int customers) {
    this.random = new SplittableRandom(seed);
    this.run = Long.toHexString(seed);
    this.customers = customers;
    this.lastPostOfCustomer = new String[customers];
  }

  Mention next() {
    int customer = random.nextInt(customers);
    String id = run + "-" + sequence++;
    String parent = random.nextInt(5) == 0 ? lastPostOfCustomer[customer] : null;
    lastPostOfCustomer[customer] = id;
    String text = TEXTS[random.nextInt(TEXTS.length)].formatted(random.nextInt(9000) + 100);
    Author author = new Author("u" + customer, "customer" + customer, "Customer " + customer,
        random.nextInt(50_000), random.nextInt(100) == 0);
    return Mention.incoming(Platform.SANDBOX, null, id, author, text, Instant.now(), parent, null, "en", null);
  }

  /** The same mention in the public ingest JSON shape. */
  static JsonObject json(Mention m, String textSuffix) {
    return new JsonObject().put("platform", m.platform().code()).put("externalId", m.externalId())
        .put("author", new JsonObject().put("id", m.author().id()).put("handle", m.author().handle())
            .put("name", m.author().name()).put("followers", m.author().followers())
            .put("verified", m.author().verified()))
        .put("text", m.text() + textSuffix).put("createdAt", m.createdAt().toString())
        .put("inReplyTo", m.inReplyTo());
  }
}

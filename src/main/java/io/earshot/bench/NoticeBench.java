package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.auth.Passwords;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.runtime.HubVertx;
import io.earshot.store.MongoStore;
import io.earshot.triage.TriageEngine;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * {@code earshot bench notices [--customers N] [--limit L] [--window S]}: a private hub with two
 * Mastodon accounts on two emulators, each enforcing L requests per S-second window as strictly
 * as a real server; N customers (half on each) linked to one Problem; one approved broadcast that
 * notifies them all, paced at three quarters of the limit (the rest is the accounts' polling).
 * Prints JSON: notices per second per account and in all, the most posts any account made in
 * one window (sliding) against the limit, and the 429s the emulators answered (0 expected).
 */
public final class NoticeBench {
  private NoticeBench() {
  }

  /** The parsed options: customers, the emulators' limit and its window. */
  record Options(int customers, int limit, int windowSeconds) {
    static Options parse(String[] args) {
      Map<String, String> given = new java.util.HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        given.put(args[i], args[i + 1]);
      }
      return new Options(Integer.parseInt(given.getOrDefault("--customers", "120")),
          Integer.parseInt(given.getOrDefault("--limit", "40")), Integer.parseInt(given.getOrDefault("--window", "10")));
    }

    Options {
      if (customers < 2 || customers > 96) {
        throw new IllegalArgumentException("--customers: 2 to 96 (the emulator has 97 customers)");
      }
    }

    int pace() {
      return Math.max(1, limit * 3 / 4);
    }
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    Options o = Options.parse(args);
    Vertx emulators = Vertx.vertx();
    HubVertx runtime = HubVertx.create();
    try {
      List<MastodonEmulator> accounts = List.of(new MastodonEmulator(emulators), new MastodonEmulator(emulators));
      Path dir = BenchDirs.temporary("earshot-bench-notices");
      Path connectors = Files.createDirectories(dir.resolve("connectors"));
      // One brand per account: the emulators number their customers alike, and a customer's posts
      // to one brand through two accounts would be one case.
      Files.writeString(connectors.resolve("brands.json"), new JsonObject().put("brands", new JsonArray()
          .add(new JsonObject().put("id", "bench-0").put("name", "Bench Zero").put("handles", new JsonObject()))
          .add(new JsonObject().put("id", "bench-1").put("name", "Bench One").put("handles", new JsonObject())))
          .encode());
      for (int i = 0; i < accounts.size(); i++) {
        MastodonEmulator emu = accounts.get(i);
        emu.start(0).await();
        Files.writeString(connectors.resolve("bench-" + i + ".json"), new JsonObject().put("name", "bench-" + i)
            .put("platform", "mastodon").put("enabled", true).put("baseUrl", emu.baseUrl()).put("pollIntervalSeconds", 5)
            .put("brand", "bench-" + i)
            .put("credentials", new JsonObject().put("accessToken", MastodonEmulator.TOKEN)).encode());
        // The emulators number customers alike (up to 97): the second account's own customers
        // are its numbers from N/2 on; its first N/2 posts (the first account's people) are not linked.
        for (int c = 0; c < (i == 0 ? o.customers() / 2 : o.customers()); c++) {
          emu.seedMention("@ForkfulEats my card payment fails " + c);
        }
      }
      String password = Passwords.token();
      EarshotConfig config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.resolve("data").toString(),
          "EARSHOT_HTTP_PORT", "0", "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
          "EARSHOT_CONNECTORS_DIR", connectors.toString(), "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "3600",
          "EARSHOT_BROADCAST_PACING", "mastodon=" + o.pace() + "/" + o.windowSeconds(),
          "EARSHOT_CONFIG", Files.writeString(dir.resolve("earshot.json"), "{}").toString()));
      Hub hub = Hub.start(runtime, config, Map.of(), TriageEngine.withDefaults(), Connectors::create).await();
      try {
        out.println(measure(hub, password, accounts, o).encodePrettily());
      } finally {
        hub.close().await();
      }
    } finally {
      runtime.close().await();
      emulators.close().await();
    }
    return 0;
  }

  private static JsonObject measure(Hub hub, String password, List<MastodonEmulator> accounts, Options o)
      throws Exception {
    MongoStore mongo = hub.mongo();
    List<String> caseIds = linked(awaitCases(mongo, o.customers() / 2 * 3), o.customers() / 2);
    accounts.forEach(a -> a.enforceRateLimit(o.limit(), Duration.ofSeconds(o.windowSeconds())));
    mongo.write(() -> {
      mongo.collection("problems").insertOne(new Document("_id", "bench-problem").append("title", "Card payments fail")
          .append("brand", "default").append("status", "fixing").append("publicSummary", "A fix is deploying.")
          .append("caseIds", caseIds));
      return null;
    }).await();
    BenchApi api = new BenchApi(hub.port());
    api.signIn("admin", password);
    api.post("/api/v1/users", new JsonObject().put("username", "bench-manager").put("password", password)
        .put("roles", new JsonArray().add("manager")));
    String id = api.post("/api/v1/broadcasts", new JsonObject().put("problemId", "bench-problem")
        .put("text", "Card payments fail for some of you; a fix is deploying.")
        .put("accounts", new JsonArray().add("bench-0").add("bench-1")).put("notifyAffected", true)
        .put("noticeText", "@{{customer.handle}} about your card payment: a fix is deploying.")).getString("id");
    BenchApi manager = new BenchApi(hub.port());
    manager.signIn("bench-manager", password);
    Instant approved = Instant.now();
    manager.post("/api/v1/approvals/" + id, new JsonObject().put("decision", "approve"));
    while (!"sent".equals(api.get("/api/v1/broadcasts/" + id).getString("state"))) {
      if (Duration.between(approved, Instant.now()).toMinutes() > 30) {
        throw new IllegalStateException("the broadcast did not finish within 30 minutes");
      }
      Thread.sleep(200);
    }
    return report(api.get("/api/v1/broadcasts/" + id), accounts, o, approved);
  }

  private static JsonObject report(JsonObject done, List<MastodonEmulator> accounts, Options o, Instant approved) {
    JsonArray perAccount = new JsonArray();
    int notices = 0;
    Instant last = approved;
    for (int i = 0; i < accounts.size(); i++) {
      MastodonEmulator emu = accounts.get(i);
      List<Instant> at = emu.posted().stream().map(p -> Instant.parse(p.getString("created_at"))).sorted().toList();
      int sent = (int) emu.posted().stream().filter(p -> p.getString("in_reply_to_id") != null).count();
      notices += sent;
      last = at.isEmpty() || at.get(at.size() - 1).isBefore(last) ? last : at.get(at.size() - 1);
      double seconds = at.size() < 2 ? 0 : Duration.between(at.get(0), at.get(at.size() - 1)).toMillis() / 1000.0;
      perAccount.add(new JsonObject().put("account", "bench-" + i).put("notices", sent).put("posts", at.size())
          .put("postsPerSecond", seconds == 0 ? null : round((at.size() - 1) / seconds))
          .put("mostPostsInAWindow", mostIn(at, Duration.ofSeconds(o.windowSeconds())))
          .put("mostRequestsInAFixedWindow", emu.mostRequestsInAWindow()).put("refused429", emu.rateLimitRefusals()));
    }
    double total = Duration.between(approved, last).toMillis() / 1000.0;
    return new JsonObject().put("notices", new JsonObject().put("customers", o.customers())
        .put("limit", o.limit() + " requests per " + o.windowSeconds() + " s per account")
        .put("pacing", o.pace() + " per " + o.windowSeconds() + " s per account").put("sent", notices)
        .put("broadcast", done.getJsonObject("notices")).put("seconds", round(total))
        .put("noticesPerSecond", round(notices / Math.max(0.001, total))).put("accounts", perAccount));
  }

  /** Account bench-0's first half of the customers and bench-1's second half: each customer once. */
  private static List<String> linked(List<Document> cases, int half) {
    return cases.stream().filter(d -> {
      int n = Integer.parseInt(d.getString("customerId").replaceAll("\\D", "")) - 10_000;
      return "bench-0".equals(d.getString("account")) ? n < half : n >= half;
    }).map(d -> d.getString("_id")).toList();
  }

  private static List<Document> awaitCases(MongoStore mongo, int expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      List<Document> ids = mongo.run(() -> mongo.collection(MongoStore.CASES).find()
          .projection(new Document("account", 1).append("customerId", 1)).into(new ArrayList<Document>())).await();
      if (ids.size() >= expected) {
        return ids;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the customers' mentions were not read within 2 minutes");
  }

  static int mostIn(List<Instant> sorted, Duration window) {
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (Duration.between(sorted.get(j), sorted.get(i)).compareTo(window) >= 0) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}

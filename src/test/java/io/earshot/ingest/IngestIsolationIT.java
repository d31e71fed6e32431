package io.earshot.ingest;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.testing.ApiClient;
import io.earshot.testing.StoreDamage;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bad item never fails another item or another client's request")
class IngestIsolationIT {

  @Test
  @DisplayName("a date beyond any store's range is refused alone, and the requests batched with it are stored")
  void hugeDateRefusedAlone() throws Exception {
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_INGEST_BATCH_DELAY_MS", "20"))) {
      ExecutorService clients = Executors.newFixedThreadPool(10);
      try {
        List<CompletableFuture<ApiClient.Response>> answers = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
          JsonArray batch = new JsonArray();
          for (int i = 0; i < 5; i++) {
            batch.add(mention("date-" + c + "-" + i, "date-a" + c, "@LedgerBank app down again"));
          }
          if (c == 7) {
            batch.add(mention("date-poison", "date-p", "hello").put("createdAt", "+999999999-12-31T23:59:59Z"));
          }
          answers.add(CompletableFuture.supplyAsync(() -> hub.api().ingest(batch), clients));
        }
        for (int c = 0; c < 20; c++) {
          ApiClient.Response r = answers.get(c).get();
          assertEquals(202, r.status(), r.body());
          assertEquals(5, r.json().getInteger("accepted"), r.body());
          JsonArray rejected = r.json().getJsonArray("rejected");
          assertEquals(c == 7 ? 1 : 0, rejected.size(), r.body());
          if (c == 7) {
            JsonObject bad = rejected.getJsonObject(0);
            assertEquals(5, bad.getInteger("index"));
            assertEquals("createdAt", bad.getString("field"));
            assertTrue(bad.getString("error").contains("outside the accepted range"), bad.encode());
          }
        }
      } finally {
        clients.shutdown();
      }
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      assertEquals(100, admin.get("/api/v1/mentions?limit=1").json().getLong("total"));
    }
  }

  @Test
  @DisplayName("the pipeline itself refuses what a connector maps badly, alone, naming the field")
  void pipelineRefusesBadConnectorMentions() {
    try (TestHub hub = TestHub.start()) {
      Author author = new Author("pipe-a", "pipe", "Pipe", 1, false);
      List<Mention> page = List.of(
          Mention.incoming(Platform.SANDBOX, "acct", "pipe-1", author, "ok", Instant.now(), null, null, null, null),
          Mention.incoming(Platform.SANDBOX, "acct", "pipe-2", author, "ok", Instant.MAX, null, null, null, null),
          Mention.incoming(Platform.SANDBOX, "acct", "pipe-3\ud800", author, "ok", Instant.now(),
              null, null, null, null),
          Mention.incoming(Platform.SANDBOX, "acct", "pipe-4", author, "ok", Instant.now(), null, null, null,
              Map.of("uri", "at://x\udc00")));
      IngestResult result = hub.hub().pipeline().offer(page).await();
      assertEquals(1, result.accepted());
      assertEquals(List.of(1, 2, 3), result.rejected().stream().map(IngestResult.Rejection::index).toList());
      assertEquals(List.of("createdAt", "externalId", "meta.uri"),
          result.rejected().stream().map(IngestResult.Rejection::field).toList());
    }
  }

  @Test
  @DisplayName("lone surrogates are refused in every field, so ids differing only there never collide")
  void loneSurrogatesRefused() {
    try (TestHub hub = TestHub.start()) {
      String template = "{\"platform\":\"sandbox\",\"externalId\":%s,\"author\":{\"id\":%s,\"handle\":%s,\"name\":%s},"
          + "\"text\":%s,\"createdAt\":\"2026-11-24T08:15:00Z\"}";
      String ok = "\"ok\"";
      List<String> lines = List.of(
          template.formatted("\"a\\ud800\"", ok, ok, ok, "\"hi\""),
          template.formatted("\"a\\udbff\"", ok, ok, ok, "\"hi\""),
          template.formatted("\"s-3\"", "\"\\udc00x\"", ok, ok, "\"hi\""),
          template.formatted("\"s-4\"", ok, "\"h\\ud83d\"", ok, "\"hi\""),
          template.formatted("\"s-5\"", ok, ok, "\"n\\udfff\"", "\"hi\""),
          template.formatted("\"s-6\"", ok, ok, ok, "\"broken \\ud83d emoji\""),
          template.formatted("\"s-7\"", ok, ok, ok, "\"whole \\ud83d\\ude00 emoji\""));
      JsonObject body = hub.api().ingest(String.join("\n", lines)).json();
      assertEquals(1, body.getInteger("accepted"), body.encode());
      JsonArray rejected = body.getJsonArray("rejected");
      List<String> fields = List.of("externalId", "externalId", "author.id", "author.handle", "author.name", "text");
      for (int i = 0; i < fields.size(); i++) {
        JsonObject r = rejected.getJsonObject(i);
        assertEquals(i, r.getInteger("index"), rejected.encode());
        assertEquals(fields.get(i), r.getString("field"), r.encode());
        assertTrue(r.getString("error").contains("unpaired surrogate"), r.encode());
      }
    }
  }

  @Test
  @DisplayName("NUL and control characters in ids and handles, and over-long ids, are refused naming the field")
  void controlCharactersInIdsRefused() {
    try (TestHub hub = TestHub.start()) {
      JsonArray batch = new JsonArray()
          .add(mention("nul\u0000id", "c-a", "hi"))
          .add(mention("c-2", "tab\tauthor", "hi"))
          .add(mention("c-3", "c-c", "hi").put("inReplyTo", "esc\u001bid"))
          .add(mention("c-4", "c-d", "hi").put("author", new JsonObject().put("id", "c-d").put("handle", "two\nlines")))
          .add(mention("x".repeat(257), "c-e", "hi"))
          .add(mention("c-6", "c-f", "line one\nline two\ttabbed"));
      JsonObject body = hub.api().ingest(batch).json();
      assertEquals(1, body.getInteger("accepted"), body.encode());
      JsonArray rejected = body.getJsonArray("rejected");
      List<String> fields = List.of("externalId", "author.id", "inReplyTo", "author.handle", "externalId");
      for (int i = 0; i < fields.size(); i++) {
        assertEquals(fields.get(i), rejected.getJsonObject(i).getString("field"), rejected.encode());
      }
      assertTrue(rejected.getJsonObject(0).getString("error").contains("control character U+0000"), rejected.encode());
      assertTrue(rejected.getJsonObject(4).getString("error").contains("longer than 256"), rejected.encode());
    }
  }

  @Test
  @DisplayName("a record damaged by an old crash (scan finds it, _id lookup does not) fails only itself, every time")
  void damagedRecordRefusedAlone() {
    Path dir = TestHub.tempDir("earshot-damaged");
    Map<String, String> env = Map.of("EARSHOT_DATA_DIR", dir.toString());
    try (TestHub first = TestHub.start(env)) {
      assertEquals(2, first.api().ingest(new JsonArray().add(mention("dmg-victim", "dmg-a", "@LedgerBank help"))
          .add(mention("dmg-ok", "dmg-b", "@LedgerBank thanks"))).json().getInteger("accepted"));
    }
    assertEquals(2, StoreDamage.dropFromIndexes(dir, "mentions", "sandbox:dmg-victim"));
    try (TestHub hub = TestHub.start(env)) {
      for (int round = 0; round < 3; round++) {
        JsonArray batch = new JsonArray().add(mention("dmg-victim", "dmg-a", "@LedgerBank help"));
        for (int i = 0; i < 4; i++) {
          batch.add(mention("dmg-" + round + "-" + i, "dmg-c" + i, "@LedgerBank still waiting"));
        }
        ApiClient.Response r = hub.api().ingest(batch);
        assertEquals(202, r.status(), r.body());
        assertEquals(4, r.json().getInteger("accepted"), r.body());
        JsonObject refused = r.json().getJsonArray("rejected").getJsonObject(0);
        assertEquals(0, refused.getInteger("index"), r.body());
        assertTrue(refused.getString("error").contains("refused"), r.body());
      }
    }
  }
}

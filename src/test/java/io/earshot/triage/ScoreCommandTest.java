package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the score command")
class ScoreCommandTest {

  static List<JsonObject> run(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ScoreCommand.run(new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    return out.toString(StandardCharsets.UTF_8).lines().map(JsonObject::new).toList();
  }

  @Test
  @DisplayName("every input line gets exactly one output line, in order, bad lines as errors")
  void alignedOutput() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes("@airline still waiting for my refund\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, '\n'});
    in.writeBytes("{\"text\": \"love the new app \uD83D\uDE0D\", \"followers\": 5000, \"vip\": true}\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes("{\"text\": broken\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes("{\"id\": 7}\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes(("x".repeat(1_048_576) + "\n").getBytes(StandardCharsets.UTF_8));
    in.writeBytes("how do I reset my password?".getBytes(StandardCharsets.UTF_8));
    List<JsonObject> out = run(in.toByteArray());
    assertEquals(8, out.size());
    assertEquals("negative", out.get(0).getString("label"));
    assertTrue(out.get(1).getString("error").contains("empty"));
    assertTrue(out.get(2).getString("error").contains("binary"));
    assertEquals("positive", out.get(3).getString("label"));
    assertTrue(out.get(4).getString("error").contains("invalid JSON"));
    assertTrue(out.get(5).getString("error").contains("text"));
    assertTrue(out.get(6).getString("error").contains("longer"));
    assertTrue(out.get(7).getJsonArray("reasons").contains("account"));
  }

  @Test
  @DisplayName("a result carries sentiment, label, confidence, priority, reasons and cues")
  void resultShape() {
    JsonObject r = run("@bank charged twice, fix it now!!\n".getBytes(StandardCharsets.UTF_8)).get(0);
    double sentiment = r.getDouble("sentiment");
    assertTrue(sentiment >= -1 && sentiment <= 1);
    assertTrue(r.getInteger("priority") >= 0 && r.getInteger("priority") <= 100);
    assertTrue(r.getJsonArray("reasons").contains("billing"));
    assertTrue(r.getDouble("confidence") > 0);
    assertTrue(r.getJsonArray("cues").size() > 0);
  }

  @Test
  @DisplayName("a JSONL line's 'lang' (the platform's tag) is trusted over the text")
  void platformLanguage() {
    String in = "{\"text\": \"@loja obrigado pela ajuda\", \"lang\": \"pt\"}\n"
        + "{\"text\": \"@shop thanks for the help\", \"lang\": \"und\"}\n";
    List<JsonObject> out = run(in.getBytes(StandardCharsets.UTF_8));
    assertEquals("pt", out.get(0).getString("lang"));
    assertTrue(out.get(0).getBoolean("unsure"));
    assertEquals("en", out.get(1).getString("lang"));
  }

  @Test
  @DisplayName("only '\\n' ends a line: a stray carriage return inside a post does not shift the output")
  void strayCarriageReturn() {
    String in = "first post\r\n@shop parcel\rnever arrived\nthird post\n";
    List<JsonObject> out = run(in.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, out.size());
    assertEquals("negative", out.get(1).getString("label"));
    assertTrue(out.get(1).getJsonArray("reasons").contains("delivery"));
  }

  @Test
  @DisplayName("order is kept across parallel batches")
  void orderAcrossBatches() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      in.append(i % 3 == 0 ? "\n" : "{\"id\":" + i + ",\"text\":\"order " + i + " never arrived\"}\n");
    }
    List<JsonObject> out = run(in.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(10_000, out.size());
    for (int i = 0; i < 10_000; i++) {
      if (i % 3 == 0) {
        assertTrue(out.get(i).containsKey("error"));
      } else {
        assertEquals(i, out.get(i).getInteger("id"));
      }
    }
  }

  @Test
  @DisplayName("a byte-order mark at the start does not cost the first JSONL line its id")
  void byteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(bom);
    in.writeBytes("{\"id\": \"a1\", \"text\": \"@shop my parcel never arrived\"}\nsecond\n".getBytes(StandardCharsets.UTF_8));
    List<JsonObject> out = run(in.toByteArray());
    assertEquals(2, out.size());
    assertEquals("a1", out.get(0).getString("id"));
    assertEquals("negative", out.get(0).getString("label"));
  }

  @Test
  @DisplayName("a plain post starting with '{' and posts with vertical tabs or form feeds are scored, not refused")
  void oddButValidPosts() {
    String in = "{Update} @airline flight delayed again and nobody tells us anything\n"
        + "@shop still\u000Bwaiting\u000Cfor my refund\n{\"text\": broken\n";
    List<JsonObject> out = run(in.getBytes(StandardCharsets.UTF_8));
    assertEquals(3, out.size());
    assertEquals("negative", out.get(0).getString("label"), out.get(0).encode());
    assertTrue(out.get(0).getJsonArray("reasons").contains("delay"), out.get(0).encode());
    assertFalse(out.get(1).containsKey("error"), out.get(1).encode());
    assertTrue(out.get(1).getJsonArray("reasons").contains("billing"), out.get(1).encode());
    assertTrue(out.get(2).getString("error").contains("invalid JSON"));
  }

  @Test
  @DisplayName("results carry the language and whether the label is unsure; a brand selects its taxonomy")
  void langUnsureBrand() {
    JsonObject r = run("{\"text\": \"@bank where is my card\", \"brand\": \"acme\"}\n".getBytes(StandardCharsets.UTF_8)).get(0);
    assertEquals("en", r.getString("lang"));
    assertTrue(r.containsKey("unsure"));
  }
}

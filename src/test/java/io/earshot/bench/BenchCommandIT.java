package io.earshot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("earshot bench, on real embedded servers")
class BenchCommandIT {

  @Test
  @DisplayName("prints the durable pipeline against raw and durable raw inserts, with fsync on and off")
  void printsDurabilityFigures() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = BenchCommand.run(new String[] {"--mentions", "1000", "--rounds", "1", "--rate", "50", "--seconds", "1"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(0, code);
    JsonObject report = new JsonObject(bytes.toString(StandardCharsets.UTF_8));
    assertTrue(report.getBoolean("fsync"), report.encodePrettily());
    for (String mode : new String[] {"fsyncOn", "fsyncOff"}) {
      JsonObject m = report.getJsonObject("durability").getJsonObject(mode);
      for (String rate : new String[] {"pipelineMentionsPerSecond", "rawInsertManyPerSecond", "rawDurableInsertManyPerSecond"}) {
        assertTrue(m.getDouble(rate) > 0, mode + " " + rate + ": " + report.encodePrettily());
      }
    }
    assertTrue(report.getJsonObject("durability").getDouble("pipelineFsyncOffToOnRatio") > 0);
    assertTrue(report.getJsonObject("latency").getInteger("samples") > 0, report.encodePrettily());
  }
}

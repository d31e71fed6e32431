package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Audit CSV cells")
class AuditCsvTest {
  @Test
  @DisplayName("cells a spreadsheet would run as a formula are prefixed with a quote")
  void formulas() {
    for (String start : List.of("=", "+", "-", "@", "\t")) {
      assertEquals("'" + start + "1", AuditCsv.cell(start + "1").replace("\"", ""), start);
    }
    assertEquals("\"'\r1\"", AuditCsv.cell("\r1"));
    assertEquals("a=1", AuditCsv.cell("a=1"));
    assertEquals("", AuditCsv.cell(""));
  }

  @Test
  @DisplayName("cells with quotes, commas or line breaks are quoted, quotes doubled; records end with CRLF")
  void quoting() {
    assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
    assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
    assertEquals("\"a\nb\"", AuditCsv.cell("a\nb"));
    assertEquals("plain,\"x,y\"\r\n", AuditCsv.row(List.of("plain", "x,y")));
  }
}

package io.earshot.web;

import io.earshot.store.AuditLog;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit log as RFC 4180 CSV: a header, then one CRLF-ended record per entry. A cell that a
 * spreadsheet would read as a formula ({@code = + - @}, or a tab or CR before one) is prefixed
 * with {@code '}, because actors, targets and details carry text that users and customers wrote.
 */
final class AuditCsv {
  static final String HEADER = row(List.of("id", "at", "actor", "action", "target", "detail", "data"));

  private AuditCsv() {
  }

  static String row(AuditLog.Entry e) {
    return row(List.of(text(e.id()), e.at() == null ? "" : e.at().toString(), text(e.actor()), text(e.action()),
        text(e.target()), text(e.detail()), e.data() == null ? "" : new JsonObject(e.data()).encode()));
  }

  static String row(List<String> cells) {
    return cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
  }

  /** One cell: defused, then quoted when it holds a quote, comma, CR or LF (quotes doubled). */
  static String cell(String value) {
    String safe = defuse(value);
    if (safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n')) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  private static String defuse(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula ? "'" + value : value;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}

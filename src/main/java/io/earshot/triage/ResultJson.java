package io.earshot.triage;

import io.earshot.domain.Reason;
import io.earshot.domain.Triage;
import io.vertx.core.json.Json;
import java.util.List;

/**
 * One {@code score} output line, written straight into a StringBuilder: building a JsonObject
 * per line and encoding it through Jackson cost about a sixth of the command's CPU. The text is
 * the same byte for byte (Jackson's escapes: the short forms {@code \b \t \n \f \r}, other
 * control characters as a backslash-u escape with upper-case hex digits, non-ASCII as written;
 * numbers as {@link Double#toString}), checked against {@code JsonObject.encode} in
 * {@code ResultJsonTest}.
 */
final class ResultJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ResultJson() {
  }

  /** The result line; {@code id} is echoed when it is a string or a number. */
  static String result(Triage t, Object id) {
    StringBuilder out = new StringBuilder(256).append('{');
    if (id instanceof String s) {
      string(out.append("\"id\":"), s).append(',');
    } else if (id instanceof Number) {
      out.append("\"id\":").append(Json.encode(id)).append(','); // Jackson's own number forms
    }
    out.append("\"sentiment\":").append(t.sentiment())
        .append(",\"label\":\"").append(t.label().code())
        .append("\",\"confidence\":").append(t.confidence())
        .append(",\"unsure\":").append(t.unsure())
        .append(",\"lang\":");
    if (t.lang() == null) {
      out.append("null");
    } else {
      string(out, t.lang());
    }
    out.append(",\"priority\":").append(t.priority().value()).append(",\"reasons\":[");
    List<Reason> reasons = t.reasons();
    for (int i = 0; i < reasons.size(); i++) {
      string(i == 0 ? out : out.append(','), reasons.get(i).code());
    }
    out.append("],\"cues\":[");
    List<String> cues = t.cues();
    for (int i = 0; i < cues.size(); i++) {
      string(i == 0 ? out : out.append(','), cues.get(i));
    }
    return out.append("]}").toString();
  }

  static String error(String message) {
    return string(new StringBuilder(message.length() + 12).append("{\"error\":"), message)
        .append('}').toString();
  }

  /** A quoted JSON string with Jackson's default escapes. */
  static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        out.append(c);
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.append('"');
  }
}

package io.earshot.web;

import io.earshot.casework.BulkActions;
import io.earshot.domain.Note;
import io.earshot.domain.TagList;
import io.earshot.error.DomainError;
import io.earshot.inbox.CaseChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The API's JSON for working a case: notes, snoozes, the defined tags and bulk outcomes. */
final class CaseworkJson {
  private CaseworkJson() {
  }

  static JsonObject note(Note n) {
    return new JsonObject().put("id", n.id()).put("caseId", n.caseId()).put("author", n.author())
        .put("text", n.text()).put("mentions", new JsonArray(n.mentions())).put("createdAt", ApiJson.time(n.createdAt()));
  }

  static JsonArray notes(List<Note> notes) {
    JsonArray items = new JsonArray();
    notes.forEach(n -> items.add(note(n)));
    return items;
  }

  /**
   * {@code snoozedUntil} of a PATCH: absent leaves the snooze alone, null ends it, an ISO-8601
   * time sets it (whether it lies ahead is the lifecycle's to say).
   */
  static CaseChange.Snooze snooze(JsonObject body) {
    if (!body.containsKey("snoozedUntil")) {
      return null;
    }
    Object value = body.getValue("snoozedUntil");
    if (value == null) {
      return CaseChange.Snooze.END;
    }
    if (!(value instanceof String s)) {
      throw new DomainError.Invalid("snoozedUntil", "must be an ISO-8601 time or null");
    }
    try {
      return new CaseChange.Snooze(Instant.parse(s.strip()));
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid("snoozedUntil", "must be an ISO-8601 time such as 2026-12-01T09:00:00Z");
    }
  }

  static JsonObject tagList(TagList list) {
    JsonArray items = new JsonArray();
    list.tags().forEach(t -> items.add(new JsonObject().put("name", t.name()).put("color", t.color())
        .put("description", t.description())));
    return new JsonObject().put("items", items).put("total", items.size()).put("version", list.version());
  }

  /** The defined tags of a PUT body {@code {"tags":[{"name","color"?,"description"?}]}}. */
  static List<TagList.Defined> definitions(JsonObject body) {
    Object value = body.getValue("tags");
    if (!(value instanceof JsonArray array)) {
      throw new DomainError.Invalid("tags", value == null ? "is required" : "must be a list of tags");
    }
    List<TagList.Defined> tags = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject t)) {
        throw new DomainError.Invalid("tags[" + i + "]", "must be an object with name, color, description");
      }
      tags.add(new TagList.Defined(string(t, "name", i), string(t, "color", i), string(t, "description", i)));
    }
    return tags;
  }

  private static String string(JsonObject tag, String field, int i) {
    Object value = tag.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new DomainError.Invalid("tags[" + i + "]." + field, "must be a string");
    }
    return (String) value;
  }

  /** Per id: {@code {"id","ok":true,"case"}} or {@code {"id","ok":false,"error_code","message","field"?}}. */
  static JsonObject bulk(List<BulkActions.Outcome> outcomes) {
    JsonArray items = new JsonArray();
    int failed = 0;
    for (BulkActions.Outcome o : outcomes) {
      if (o.error() == null) {
        items.add(new JsonObject().put("id", o.id()).put("ok", true).put("case", ApiJson.careCase(o.careCase())));
      } else {
        failed++;
        items.add(failure(o.id(), o.error()));
      }
    }
    return new JsonObject().put("items", items).put("total", items.size()).put("succeeded", items.size() - failed)
        .put("failed", failed);
  }

  private static JsonObject failure(String id, Throwable error) {
    JsonObject item = new JsonObject().put("id", id).put("ok", false);
    if (error instanceof DomainError e) {
      item.put("status", ErrorAnswers.status(e)).put("error_code", ErrorAnswers.code(e)).put("message", e.getMessage());
      if (e instanceof DomainError.Invalid invalid) {
        item.put("field", invalid.field());
      }
      return item;
    }
    return item.put("status", 500).put("error_code", "internal").put("message", "internal error; the server log has the details");
  }
}

package io.earshot.web;

import io.earshot.domain.Mention;
import io.earshot.error.DomainError;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.IngestResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/mentions}: a JSON array or NDJSON of normalized mentions, bearer ingest
 * token. Each item is judged on its own: good items go to the pipeline, bad ones come back in
 * {@code rejected} with their index and the field at fault, and the answer is 202 either way.
 * Only a body that is neither (or an over-large batch) is a 400.
 */
final class IngestHandler {
  private static final int MAX_ITEMS = 10_000;
  private final IngestPipeline pipeline;
  private final byte[] token;

  IngestHandler(IngestPipeline pipeline, String token) {
    this.pipeline = pipeline;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The first handler of the route: the token is checked before a byte of the body is read.
   * Any content type is taken (NDJSON goes by many names) but a form's: Vert.x's body reader
   * decodes those as form fields, which emptied a multipart batch ("body: is empty") and cut
   * the connection without an answer on an url-encoded one.
   */
  void authorize(RoutingContext ctx) {
    authorize(ctx.request().getHeader("Authorization"));
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    if (media.equals("application/x-www-form-urlencoded") || media.startsWith("multipart/")) {
      throw new HttpRefusal.UnsupportedMediaType("Content-Type: '" + media
          + "' is a form; send a JSON array (application/json) or NDJSON (application/x-ndjson)");
    }
    ctx.next();
  }

  /** After {@link #authorize} and the body reader. */
  void handle(RoutingContext ctx) {
    List<Item> items = items(ctx.body().buffer());
    if (items.size() > MAX_ITEMS) {
      throw new DomainError.Invalid("body", items.size() + " items; send at most " + MAX_ITEMS + " per request");
    }
    List<Mention> good = new ArrayList<>(items.size());
    List<Integer> indexOfGood = new ArrayList<>(items.size());
    List<IngestResult.Rejection> rejected = new ArrayList<>();
    for (Item item : items) {
      try {
        good.add(parse(item.value()));
        indexOfGood.add(item.index());
      } catch (DomainError.Invalid e) {
        rejected.add(new IngestResult.Rejection(item.index(), e.field(), e.getMessage()));
      }
    }
    Bodies.answer(ctx, 202, pipeline.offer(good), result -> answer(result, rejected, indexOfGood));
  }

  /**
   * 202 with what became of every item: the pipeline's refusals (a mention the store would not
   * take) are numbered by their place in the body, like the parser's. A store that is
   * unavailable fails the offer instead, and the error handler answers it.
   */
  private static JsonObject answer(IngestResult result, List<IngestResult.Rejection> parsed, List<Integer> indexOfGood) {
    List<IngestResult.Rejection> all = new ArrayList<>(parsed);
    result.rejected().forEach(r -> all.add(new IngestResult.Rejection(indexOfGood.get(r.index()), r.field(), r.error())));
    all.sort(java.util.Comparator.comparingInt(IngestResult.Rejection::index));
    JsonArray rejected = new JsonArray();
    all.forEach(r -> rejected.add(new JsonObject().put("index", r.index()).put("field", r.field()).put("error", r.error())));
    return new JsonObject().put("accepted", result.accepted()).put("duplicates", result.duplicates())
        .put("rejected", rejected);
  }

  private void authorize(String header) {
    String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
    if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      throw new DomainError.Unauthenticated("a valid ingest token is required (Authorization: Bearer …)");
    }
  }

  private static Mention parse(Object item) {
    if (item instanceof DomainError.Invalid undecodable) {
      throw undecodable;
    }
    if (item instanceof DecodeException bad) {
      throw new DomainError.Invalid("item", "not valid JSON (" + firstLine(bad.getMessage()) + ")");
    }
    if (!(item instanceof JsonObject json)) {
      throw new DomainError.Invalid("item", "must be a JSON object");
    }
    return MentionParser.parse(json);
  }

  /**
   * One item of the body and the index its rejection is answered with: its place in the array,
   * or its line's place in an NDJSON body, blank lines counted (they carry no item), so a
   * client finds the line at fault however its body was laid out.
   */
  private record Item(int index, Object value) {
  }

  /**
   * The body's items; an NDJSON line that is not JSON (or not UTF-8) stays in place as its
   * decode error, so only that item is rejected.
   */
  private static List<Item> items(Buffer body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    String text = Utf8.decode(bytes);
    if (text == null && startsWithBracket(bytes)) {
      throw new DomainError.Invalid("body", "is not valid UTF-8 (at byte " + Utf8.firstInvalid(bytes) + ")");
    }
    if (text != null && text.strip().isEmpty()) {
      throw new DomainError.Invalid("body", "is empty; send a JSON array or NDJSON of mentions");
    }
    if (text != null && text.strip().startsWith("[")) {
      try {
        List<?> array = new JsonArray(text.strip()).getList();
        return java.util.stream.IntStream.range(0, array.size()).mapToObj(i -> new Item(i, wrap(array.get(i)))).toList();
      } catch (DecodeException e) {
        throw new DomainError.Invalid("body", "not a valid JSON array (" + firstLine(e.getMessage()) + ")");
      }
    }
    List<Item> items = new ArrayList<>();
    List<byte[]> lines = Utf8.lines(bytes);
    for (int i = 0; i < lines.size(); i++) {
      String decoded = Utf8.decode(lines.get(i));
      if (decoded == null) {
        items.add(new Item(i, new DomainError.Invalid("item", "not valid UTF-8 at byte "
            + Utf8.firstInvalid(lines.get(i)) + " of its line")));
      } else if (!decoded.isBlank()) {
        items.add(new Item(i, decodeLine(decoded.strip())));
      }
    }
    return items;
  }

  private static boolean startsWithBracket(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return b == '[';
      }
    }
    return false;
  }

  private static Object decodeLine(String line) {
    try {
      return wrap(Json.decodeValue(line));
    } catch (DecodeException e) {
      return e;
    }
  }

  @SuppressWarnings("unchecked")
  private static Object wrap(Object value) {
    return value instanceof java.util.Map<?, ?> map ? new JsonObject((java.util.Map<String, Object>) map) : value;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}

package io.earshot.demo.sandbox;

/** A minimal HTML view of one post, so the {@code url} a connector stores opens in a browser. */
final class PostPage {
  private PostPage() {
  }

  static String render(SandboxPost post) {
    return "<!doctype html><html lang=\"" + escape(post.lang()) + "\"><head><meta charset=\"utf-8\">"
        + "<title>@" + escape(post.author().handle()) + " on the Earshot sandbox</title></head>"
        + "<body><article><header><strong>" + escape(post.author().name()) + "</strong> @"
        + escape(post.author().handle()) + "</header><p dir=\"auto\">" + escape(post.text())
        + "</p><footer><time datetime=\"" + post.createdAt() + "\">" + post.createdAt()
        + "</time></footer></article></body></html>";
  }

  /** Posts are customer-written; everything is escaped, as Earshot renders all text. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

package io.earshot.connector.http;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Platform HTML (Mastodon status content, X's entity-escaped text) as the plain text agents and
 * the scorer read, through jsoup's HTML5 parser rather than regular expressions: paragraphs and
 * other blocks become blank-line separated, {@code <br>} a newline, every tag is dropped (script
 * and style contents too) and entities are decoded exactly once ("&amp;lt;" stays "&lt;"), with
 * invalid code points as U+FFFD. Mastodon's shortened links keep their hidden parts
 * ({@code <span class="invisible">}), so a URL reads whole. The dashboard escapes again on render.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "li", "ul", "ol", "pre",
      "h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> SILENT = Set.of("script", "style", "template", "noscript");

  private HtmlText() {
  }

  public static String toPlain(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new Collector(out), doc.body());
    // jsoup leaves "&#0;" as NUL; like other invalid code points it must not reach storage.
    return out.toString().replace('\u0000', '\uFFFD').replaceAll("\n{3,}", "\n\n").strip();
  }

  /** X's v1.1 and v2 text escapes {@code & < >} as entities; this decodes them once, tags stay text. */
  public static String unescape(String text) {
    return text == null ? null : Parser.unescapeEntities(text, false);
  }

  private static final class Collector implements NodeVisitor {
    private final StringBuilder out;
    private int silent;

    Collector(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (SILENT.contains(tag)) {
          silent++;
        } else if (tag.equals("br")) {
          out.append('\n');
        } else if (BLOCKS.contains(tag)) {
          breakBlock();
        }
      } else if (node instanceof TextNode t && silent == 0) {
        out.append(t.getWholeText());
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        if (SILENT.contains(e.normalName())) {
          silent--;
        } else if (BLOCKS.contains(e.normalName())) {
          breakBlock();
        }
      }
    }

    private void breakBlock() {
      if (out.length() == 0) {
        return;
      }
      int trailing = 0;
      for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
        trailing++;
      }
      out.append("\n".repeat(Math.max(0, 2 - trailing)));
    }
  }
}

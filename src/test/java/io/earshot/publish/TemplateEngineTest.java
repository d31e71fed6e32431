package io.earshot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.error.DomainError;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Filling saved replies")
class TemplateEngineTest {
  // fillNow is what the engine's worker runs; no worker pool (no I/O) in a unit test.
  private final TemplateEngine engine = new TemplateEngine(null);

  @Test
  @DisplayName("values go into the reply as they are: no HTML encoding of & < > or quotes")
  void noHtmlEscaping() {
    Map<String, Object> context = Map.of("customer", Map.of("name", "Tom & Jerry \"<b>\"",
        "handle", "<script>alert(1)</script>"));
    assertEquals("Hi Tom & Jerry \"<b>\" (@<script>alert(1)</script>)",
        engine.fillNow("Hi {{customer.name}} (@{{customer.handle}})", context));
    assertEquals("Tom & Jerry \"<b>\"", engine.fillNow("{{{customer.name}}}", context));
  }

  @Test
  @DisplayName("a value that looks like a template stays text: values are never compiled")
  void valuesAreNotTemplates() {
    assertEquals("{{agent.signature}}", engine.fillNow("{{customer.name}}",
        Map.of("customer", Map.of("name", "{{agent.signature}}"), "agent", Map.of("signature", "secret"))));
  }

  @Test
  @DisplayName("a body that does not compile is Invalid naming body, with the parser's line and column")
  void compileError() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> engine.fillNow("Hi {{#if x}} there", Map.of()));
    assertEquals("body", e.field());
    assertTrue(e.getMessage().contains("does not compile: line 1"), e.getMessage());
    DomainError.Invalid unclosed = assertThrows(DomainError.Invalid.class, () -> engine.fillNow("Hi {{customer.name", Map.of()));
    assertEquals("body", unclosed.field());
  }

  @Test
  @DisplayName("partials are refused, so a template cannot read files on the server")
  void noPartials() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> engine.fillNow("{{> logback}}", Map.of()));
    assertEquals("body", e.field());
    assertTrue(e.getMessage().contains("partials"), e.getMessage());
  }

  @Test
  @DisplayName("a body too long or opening too many blocks is refused before it reaches the parser")
  void bounded() {
    assertEquals("body", assertThrows(DomainError.Invalid.class,
        () -> engine.fillNow("x".repeat(TemplateEngine.MAX_BODY + 1), Map.of())).field());
    DomainError.Invalid deep = assertThrows(DomainError.Unprocessable.class,
        () -> engine.fillNow("{{#each a}}".repeat(TemplateEngine.MAX_BLOCKS + 1), Map.of()));
    assertTrue(deep.getMessage().contains("blocks"), deep.getMessage());
    assertEquals("yes", engine.fillNow("{{#if a}}{{#if a}}yes{{/if}}{{/if}}", Map.of("a", true)));
  }

  @Test
  @DisplayName("the case reference is # and the id's first 8 letters and digits, upper case")
  void reference() {
    assertEquals("#6B1E09AF", TemplateFiller.reference("6b1e09af-1234-4abc-9def-000000000000"));
    assertEquals("#AB", TemplateFiller.reference("ab"));
  }
}

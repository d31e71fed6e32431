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
  private final TemplateEngine engine = new TemplateEngine();

  @Test
  @DisplayName("values go into the reply as they are: no HTML encoding of & < > or quotes")
  void noHtmlEscaping() {
    Map<String, Object> context = Map.of("customer", Map.of("name", "Tom & Jerry \"<b>\"",
        "handle", "<script>alert(1)</script>"));
    assertEquals("Hi Tom & Jerry \"<b>\" (@<script>alert(1)</script>)",
        engine.fill("Hi {{customer.name}} (@{{customer.handle}})", context));
    assertEquals("Tom & Jerry \"<b>\"", engine.fill("{{{customer.name}}}", context));
  }

  @Test
  @DisplayName("a value that looks like a template stays text: values are never compiled")
  void valuesAreNotTemplates() {
    assertEquals("{{agent.signature}}", engine.fill("{{customer.name}}",
        Map.of("customer", Map.of("name", "{{agent.signature}}"), "agent", Map.of("signature", "secret"))));
  }

  @Test
  @DisplayName("a body that does not compile is Invalid naming body, with the parser's line and column")
  void compileError() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> engine.check("Hi {{#if x}} there"));
    assertEquals("body", e.field());
    assertTrue(e.getMessage().contains("does not compile: line 1"), e.getMessage());
    DomainError.Invalid unclosed = assertThrows(DomainError.Invalid.class, () -> engine.check("Hi {{customer.name"));
    assertEquals("body", unclosed.field());
  }

  @Test
  @DisplayName("partials are refused, so a template cannot read files on the server")
  void noPartials() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> engine.check("{{> logback}}"));
    assertEquals("body", e.field());
    assertTrue(e.getMessage().contains("partials"), e.getMessage());
  }

  @Test
  @DisplayName("the case reference is # and the id's first 8 letters and digits, upper case")
  void reference() {
    assertEquals("#6B1E09AF", TemplateFiller.reference("6b1e09af-1234-4abc-9def-000000000000"));
    assertEquals("#AB", TemplateFiller.reference("ab"));
  }
}

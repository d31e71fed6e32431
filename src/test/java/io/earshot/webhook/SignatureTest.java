package io.earshot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The webhook signature")
class SignatureTest {

  @Test
  @DisplayName("is sha256= and the hex HMAC-SHA256 of the body keyed with the secret (RFC 4231 test case 2)")
  void knownVector() {
    assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Signature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  @DisplayName("changes with the secret and with any byte of the body")
  void dependsOnSecretAndBody() {
    byte[] body = "{\"id\":\"e1\",\"type\":\"case.opened\"}".getBytes(StandardCharsets.UTF_8);
    byte[] other = "{\"id\":\"e1\",\"type\":\"case.opened\" }".getBytes(StandardCharsets.UTF_8);
    assertNotEquals(Signature.of("first-secret-1234", body), Signature.of("other-secret-1234", body));
    assertNotEquals(Signature.of("first-secret-1234", body), Signature.of("first-secret-1234", other));
  }
}

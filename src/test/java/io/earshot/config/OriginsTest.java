package io.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Origins and proxy address ranges")
class OriginsTest {

  @Test
  @DisplayName("origins compare in one form: lower case, no path, no default port")
  void normalForm() {
    assertEquals("https://care.example.com", Origins.normalize("HTTPS://Care.Example.com:443/inbox?x=1"));
    assertEquals("http://127.0.0.1:8080", Origins.normalize("http://127.0.0.1:8080"));
    assertEquals("http://[::1]:8080", Origins.normalize("http://[::1]:8080/"));
    assertEquals("http://[::1]:8080", Origins.of("http", "::1", 8080));
    assertEquals("http://localhost", Origins.of("http", "LOCALHOST", 80));
    assertNull(Origins.normalize("null"));
    assertNull(Origins.normalize("file:///etc/passwd"));
    assertNull(Origins.normalize("javascript:alert(1)"));
  }

  @Test
  @DisplayName("configured origins must be bare http(s) origins")
  void configuredOrigins() {
    assertEquals(List.of("https://care.example.com"), Origins.parse(List.of("https://care.example.com/"), "X"));
    assertThrows(ConfigException.class, () -> Origins.parse(List.of("care.example.com"), "X"));
    assertThrows(ConfigException.class, () -> Origins.parse(List.of("https://care.example.com/inbox"), "X"));
  }

  @Test
  @DisplayName("a CIDR range holds exactly its addresses, IPv4 and IPv6, and never asks DNS")
  void ranges() {
    AddressRange docker = AddressRange.parse("172.16.0.0/12");
    assertTrue(docker.contains("172.18.0.5"));
    assertFalse(docker.contains("172.32.0.1"));
    assertTrue(AddressRange.parse("127.0.0.1").contains("127.0.0.1"));
    assertFalse(AddressRange.parse("127.0.0.1").contains("127.0.0.2"));
    assertTrue(AddressRange.parse("fd00::/8").contains("fd12:3456::1"));
    assertFalse(AddressRange.parse("fd00::/8").contains("10.0.0.1"));
    assertNull(AddressRange.parse("proxy.internal"));
    assertNull(AddressRange.parse("10.0.0.0/33"));
    assertThrows(ConfigException.class, () -> Origins.proxies(List.of("10.0.0.0/8", "nginx"), "X"));
  }
}
